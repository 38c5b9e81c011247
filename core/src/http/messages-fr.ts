/**
 * French wording for the API's fixed English messages (error `message` and `details.fields`
 * values), keyed by the exact English text. `translateMessage` also knows a few patterns for
 * messages built from values (a phone number, a day…). Anything unknown stays in English.
 */
export const messagesFr: Record<string, string> = {
  // zod-messages.ts and mount.ts
  'This field is required': 'Ce champ est obligatoire',
  'The request is not valid': 'La requête n’est pas valide',
  'Expected string': 'Texte attendu',
  'Expected number': 'Nombre attendu',
  'Expected boolean': 'Booléen attendu (true ou false)',
  'Expected object': 'Objet attendu',
  'Expected array': 'Liste attendue',
  // zod's own defaults, where zod-messages.ts does not reword them
  'Invalid input': 'Saisie non valide',

  // http: app.ts, errors.ts, mount.ts, webhooks
  'The request body is not valid JSON.': 'Le corps de la requête n’est pas du JSON valide.',
  'Not valid JSON': 'JSON non valide',
  'The request body is too large (12 MB at most).':
    'Le corps de la requête est trop volumineux (12 Mo au plus).',
  'The request could not be read.': 'La requête n’a pas pu être lue.',
  'Something went wrong on our side; it has been logged.':
    'Une erreur s’est produite de notre côté ; elle a été journalisée.',
  'Something went wrong on our side; it has been logged. Try again, or contact your operator.':
    'Une erreur s’est produite de notre côté ; elle a été journalisée. Réessayez, ou contactez votre opérateur.',
  'The database is not answering; try again in a moment.':
    'La base de données ne répond pas ; réessayez dans un instant.',
  'A phone number is required to open team settings: buy one first (Numbers → search, then buy).':
    'Un numéro de téléphone est nécessaire pour ouvrir les réglages de l’équipe : achetez-en un d’abord (Numéros → rechercher, puis acheter).',
  'Sign in first (POST /api/session), or send an API token as "Authorization: Bearer <token>".':
    'Connectez-vous d’abord (POST /api/session), ou envoyez un jeton d’API sous la forme « Authorization: Bearer <token> ».',
  'Only an admin of this account can do this; ask one of your admins.':
    'Seul un administrateur de ce compte peut faire cela ; demandez à l’un de vos administrateurs.',
  'This account is suspended: an admin must update the payment method in Billing.':
    'Ce compte est suspendu : un administrateur doit mettre à jour le moyen de paiement dans Facturation.',
  'The webhook signature does not verify; nothing was changed.':
    'La signature du webhook n’est pas valide ; rien n’a été modifié.',

  // http/schemas.ts
  'Not a valid id': 'Identifiant non valide',
  'Use at least 10 characters': 'Utilisez au moins 10 caractères',
  'Use at most 200 characters': 'Utilisez au plus 200 caractères',
  'Enter a name': 'Saisissez un nom',
  'Use at most 120 characters': 'Utilisez au plus 120 caractères',
  'Use a two-letter ISO country code, e.g. FR, BE, GB, US':
    'Utilisez un code pays ISO à deux lettres, par exemple FR, BE, GB, US',
  'Unknown time zone: use an IANA name such as Europe/Paris':
    'Fuseau horaire inconnu : utilisez un nom IANA tel que Europe/Paris',
  'Choose fr or en': 'Choisissez fr ou en',
  'Choose admin or member': 'Choisissez admin ou member',

  // http/routes
  'Enter the team name': 'Saisissez le nom de l’équipe',
  'A Twilio Account SID starts with AC followed by 32 hex characters':
    'Un Account SID Twilio commence par AC suivi de 32 caractères hexadécimaux',
  'Paste the auth token from the Twilio console': 'Collez l’auth token de la console Twilio',
  'Use a date like 2026-03-31': 'Utilisez une date comme 2026-03-31',
  'Not a valid member id': 'Identifiant de membre non valide',
  'Use an ISO 8601 date-time, e.g. 2026-11-25T10:00:00Z':
    'Utilisez une date et heure ISO 8601, par exemple 2026-11-25T10:00:00Z',
  'Give the number of seats to add (positive) or remove (negative)':
    'Indiquez le nombre de postes à ajouter (positif) ou à retirer (négatif)',
  'Seats are whole numbers': 'Le nombre de postes est un nombre entier',
  'Add or remove at least one seat': 'Ajoutez ou retirez au moins un poste',
  'The last four digits of the card': 'Les quatre derniers chiffres de la carte',
  'Month 1–12': 'Mois de 1 à 12',
  'This card has expired': 'Cette carte a expiré',
  'Choose starter or business': 'Choisissez starter ou business',
  'Use live=true for calls in progress': 'Utilisez live=true pour les appels en cours',
  'Keep notes under 10,000 characters': 'Limitez les notes à 10 000 caractères',
  'Pick a disposition': 'Choisissez une qualification',
  'Not a valid contact id': 'Identifiant de contact non valide',
  'Give notes, a disposition or a contact': 'Indiquez des notes, une qualification ou un contact',
  'Write the comment': 'Rédigez le commentaire',
  'Keep comments under 5,000 characters': 'Limitez les commentaires à 5 000 caractères',
  'Whole seconds': 'En secondes entières',
  'A moment of the recording, from 0': 'Un moment de l’enregistrement, à partir de 0',
  'Enter the number to call': 'Saisissez le numéro à appeler',
  'Choose browser or call_me_first': 'Choisissez browser ou call_me_first',
  'Use hubspot, salesforce, attio or odoo': 'Utilisez hubspot, salesforce, attio ou odoo',
  'Give the record’s id': 'Indiquez l’identifiant de la fiche',
  'Choose csv or vcard': 'Choisissez csv ou vcard',
  'The file is empty': 'Le fichier est vide',
  'Files up to 10 MB: split larger ones': 'Fichiers de 10 Mo au plus : découpez les plus gros',
  'Not a valid call id': 'Identifiant d’appel non valide',
  'Enter your company or team name': 'Saisissez le nom de votre entreprise ou de votre équipe',
  'A quote code looks like PQ-ABCD-EFGH-JKLM': 'Un code de devis ressemble à PQ-ABCD-EFGH-JKLM',
  'Enter your password': 'Saisissez votre mot de passe',
  'Name the token after where it is used': 'Nommez le jeton d’après l’endroit où il sert',
  'Not a valid invitation link': 'Lien d’invitation non valide',
  'Enter your phone number': 'Saisissez votre numéro de téléphone',
  'Enter a phone number': 'Saisissez un numéro de téléphone',
  'Embed tokens are minted from a signed-in session: sign in in the Parley window, not with a token.':
    'Les jetons d’intégration se créent depuis une session connectée : connectez-vous dans la fenêtre Parley, pas avec un jeton.',
  'Choose local, mobile or toll_free': 'Choisissez local, mobile ou toll_free',
  'An area code is 1 to 5 digits, e.g. 1 for Paris, 415 for San Francisco':
    'Un indicatif régional compte 1 à 5 chiffres, par exemple 1 pour Paris, 415 pour San Francisco',
  'Digits, letters or * only': 'Chiffres, lettres ou * uniquement',
  'Pick a number from the search results': 'Choisissez un numéro parmi les résultats de recherche',
  'Choose online, busy or offline': 'Choisissez online, busy ou offline',

  // domain/accounts
  'This account no longer exists.': 'Ce compte n’existe plus.',
  'This quote code is not known: check it against your signed quote.':
    'Ce code de devis est inconnu : vérifiez-le sur votre devis signé.',
  'This quote code has already been used to open an account.':
    'Ce code de devis a déjà servi à ouvrir un compte.',
  'This quote has expired: ask your Parley contact for a new one.':
    'Ce devis a expiré : demandez-en un nouveau à votre contact Parley.',
  'This quote code has just been used by another sign-up.':
    'Ce code de devis vient d’être utilisé par une autre inscription.',

  // domain/billing
  'Seats cannot be added while a payment is overdue: update the payment method in Billing, then try again.':
    'Impossible d’ajouter des postes tant qu’un paiement est en retard : mettez à jour le moyen de paiement dans Facturation, puis réessayez.',
  'An account keeps at least one seat.': 'Un compte garde au moins un poste.',
  'No such seat change in this account.': 'Aucune modification de postes de ce type dans ce compte.',
  'This price preview has expired: ask for a new one.':
    'Cet aperçu de prix a expiré : demandez-en un nouveau.',
  'Seats or prices changed since this preview: ask for a new preview and confirm that one.':
    'Les postes ou les prix ont changé depuis cet aperçu : demandez un nouvel aperçu et confirmez celui-là.',

  // domain/calls
  'No such call in this account.': 'Cet appel n’existe pas dans ce compte.',
  'No such contact in this account.': 'Ce contact n’existe pas dans ce compte.',
  'This call has not started yet: add notes once it rings.':
    'Cet appel n’a pas encore commencé : ajoutez des notes dès qu’il sonne.',
  'No such call.': 'Cet appel n’existe pas.',
  'This account has no phone number to call from: buy one first.':
    'Ce compte n’a aucun numéro depuis lequel appeler : achetez-en un d’abord.',
  'Call-me-first rings your own phone first: add it to your profile (phone), or use the browser dialer.':
    'L’option « m’appeler d’abord » fait d’abord sonner votre propre téléphone : ajoutez-le à votre profil (téléphone), ou utilisez le combiné du navigateur.',
  'This carrier cannot place calls through its API.':
    'Cet opérateur ne peut pas passer d’appels par son API.',
  'Give `at` as a date or an ISO 8601 timestamp with its offset, e.g. 2026-03-02T09:15:00Z.':
    'Indiquez `at` sous forme de date ou d’horodatage ISO 8601 avec son décalage, par exemple 2026-03-02T09:15:00Z.',
  'A carrier sid cannot be empty.': 'Un sid d’opérateur ne peut pas être vide.',
  'A member id must be the id (a UUID) of a member of this account.':
    'Un identifiant de membre doit être l’identifiant (un UUID) d’un membre de ce compte.',
  'Give a duration as whole seconds.': 'Indiquez une durée en secondes entières.',
  'A duration cannot be negative.': 'Une durée ne peut pas être négative.',
  'Give the recording URL as an absolute URL.':
    'Indiquez l’URL de l’enregistrement sous forme d’URL absolue.',
  'Give the account number in E.164 form, e.g. +33612345678.':
    'Indiquez le numéro du compte au format E.164, par exemple +33612345678.',
  'A sequence number cannot be negative.': 'Un numéro de séquence ne peut pas être négatif.',
  'Keep notes under 10,000 characters.': 'Limitez les notes à 10 000 caractères.',
  'Keep the disposition under 100 characters.': 'Limitez la qualification à 100 caractères.',
  'An annotation needs notes, a disposition or a contact.':
    'Une annotation demande des notes, une qualification ou un contact.',
  'This call has no call.created event: store the voice webhook (or the outbound request) before its callbacks.':
    'Cet appel n’a pas d’événement call.created : enregistrez le webhook vocal (ou la demande sortante) avant ses rappels.',

  // domain/contacts
  'A contact needs a name': 'Un contact doit avoir un nom',
  'Not a valid email address': 'Adresse e-mail non valide',
  'No member with this id in your team.': 'Aucun membre de votre équipe n’a cet identifiant.',
  'The name must be at most 200 characters': 'Le nom doit faire au plus 200 caractères',
  'The company must be at most 200 characters': 'L’entreprise doit faire au plus 200 caractères',
  'This file holds no vCard (no BEGIN:VCARD line). Export the contacts as vCard (.vcf) or as CSV and upload that file.':
    'Ce fichier ne contient aucune vCard (pas de ligne BEGIN:VCARD). Exportez les contacts en vCard (.vcf) ou en CSV et importez ce fichier.',
  'The file holds no contacts.': 'Le fichier ne contient aucun contact.',
  'No such contact import in this account.': 'Cet import de contacts n’existe pas dans ce compte.',

  // domain/hours
  'Give the opening hours of every day, from mon to sun.':
    'Indiquez les horaires d’ouverture de chaque jour, de mon à sun.',
  'Write each holiday as a date YYYY-MM-DD, such as 2026-12-25.':
    'Écrivez chaque jour férié sous forme de date AAAA-MM-JJ, par exemple 2026-12-25.',
  'Give holidays as a list of dates YYYY-MM-DD, empty if none.':
    'Indiquez les jours fériés sous forme de liste de dates AAAA-MM-JJ, vide s’il n’y en a pas.',
  'Choose what callers get after hours: kind voicemail, forward, announcement or ai_receptionist.':
    'Choisissez ce que reçoivent les appelants hors horaires : kind voicemail, forward, announcement ou ai_receptionist.',
  'Give the time zone as an IANA name such as Europe/Paris.':
    'Indiquez le fuseau horaire sous forme de nom IANA, tel que Europe/Paris.',
  'Give business hours as { timeZone, days, holidays, afterHours }.':
    'Indiquez les horaires sous la forme { timeZone, days, holidays, afterHours }.',
  'Unknown time zone.': 'Fuseau horaire inconnu.',

  // domain/identity
  'No such API token among yours.': 'Ce jeton d’API ne fait pas partie des vôtres.',
  'Email or password is wrong.': 'E-mail ou mot de passe incorrect.',
  'This email already has a Parley login: sign in instead, or use another address.':
    'Cet e-mail a déjà un compte Parley : connectez-vous plutôt, ou utilisez une autre adresse.',

  // domain/numbers
  'Not a valid phone number: use the international format, e.g. +33 1 99 00 12 34.':
    'Numéro de téléphone non valide : utilisez le format international, par exemple +33 1 99 00 12 34.',
  'No such phone number in this account.': 'Ce numéro de téléphone n’existe pas dans ce compte.',

  // domain/routing-policy
  'Choose the language "fr" (French) or "en" (English).':
    'Choisissez la langue « fr » (français) ou « en » (anglais).',
  'Each member id must be the id (a UUID) of a member of this account.':
    'Chaque identifiant de membre doit être l’identifiant (un UUID) d’un membre de ce compte.',
  'List the members to ring as memberIds.': 'Listez les membres à faire sonner dans memberIds.',
  'Add at least one member to ring.': 'Ajoutez au moins un membre à faire sonner.',
  'Choose where the call goes: kind member, members, voicemail, announcement or forward.':
    'Choisissez où va l’appel : kind member, members, voicemail, announcement ou forward.',
  'Choose what happens when nobody answers: kind voicemail, forward, announcement or hangup.':
    'Choisissez ce qui se passe quand personne ne répond : kind voicemail, forward, announcement ou hangup.',
  'List the members to ring.': 'Listez les membres à faire sonner.',
  'List the cascade steps, each with a memberId.':
    'Listez les étapes de la cascade, chacune avec un memberId.',
  'Add at least one step to the cascade.': 'Ajoutez au moins une étape à la cascade.',
  'Each option needs a key: a digit 0 to 9, * or #.':
    'Chaque option demande une touche : un chiffre de 0 à 9, * ou #.',
  'List the menu options, each with a digit and a target.':
    'Listez les options du menu, chacune avec un chiffre et une destination.',
  'Add at least one menu option.': 'Ajoutez au moins une option de menu.',
  'The wait for a key press must be a whole number of seconds between 3 and 30.':
    'L’attente d’une touche doit être un nombre entier de secondes entre 3 et 30.',
  'The menu can be repeated 0 to 3 times.': 'Le menu peut être répété de 0 à 3 fois.',
  'Give the intent a name, such as "Sales".': 'Donnez un nom à l’intention, par exemple « Ventes ».',
  'An intent name is at most 60 characters: shorten it.':
    'Un nom d’intention fait au plus 60 caractères : raccourcissez-le.',
  'Give the phrases as { fr: [...], en: [...] }.':
    'Indiquez les phrases sous la forme { fr: [...], en: [...] }.',
  'Add at least one phrase a caller might say for this intent, in French or English.':
    'Ajoutez au moins une phrase qu’un appelant pourrait dire pour cette intention, en français ou en anglais.',
  'List the intents the receptionist should recognise.':
    'Listez les intentions que le standard doit reconnaître.',
  'Add at least one intent for the receptionist to recognise.':
    'Ajoutez au moins une intention que le standard doit reconnaître.',
  'Choose a routing strategy: simultaneous, cascade, ivr or ai_receptionist.':
    'Choisissez une stratégie de routage : simultaneous, cascade, ivr ou ai_receptionist.',

  // domain/team
  'No such invitation in this account.': 'Cette invitation n’existe pas dans ce compte.',
  'This person already has a Parley login and cannot join a second team.':
    'Cette personne a déjà un compte Parley et ne peut pas rejoindre une deuxième équipe.',
  'An invitation to this address is already pending: resend it instead.':
    'Une invitation à cette adresse est déjà en attente : renvoyez-la plutôt.',
  'This invitation was already accepted.': 'Cette invitation a déjà été acceptée.',
  'This invitation was revoked: send a new one instead.':
    'Cette invitation a été révoquée : envoyez-en plutôt une nouvelle.',
  'This invitation was already accepted: remove the member instead.':
    'Cette invitation a déjà été acceptée : retirez plutôt le membre.',
  'This invitation link is not valid: ask your admin to resend it.':
    'Ce lien d’invitation n’est pas valide : demandez à votre administrateur de la renvoyer.',
  'This invitation was already used: sign in with your email and password.':
    'Cette invitation a déjà servi : connectez-vous avec votre e-mail et votre mot de passe.',
  'This invitation was withdrawn by an admin: ask them for a new one.':
    'Cette invitation a été retirée par un administrateur : demandez-lui-en une nouvelle.',
  'This invitation has expired: ask your admin to resend it.':
    'Cette invitation a expiré : demandez à votre administrateur de la renvoyer.',
  'The account needs at least one admin: make another member admin first.':
    'Le compte a besoin d’au moins un administrateur : nommez d’abord un autre membre administrateur.',

  // domain/troubleshooting (errors only)
  'This server sends no email (SMTP_URL is not set): copy the invitation link from the invitation and send it yourself.':
    'Ce serveur n’envoie pas d’e-mails (SMTP_URL n’est pas défini) : copiez le lien de l’invitation et envoyez-le vous-même.',

  // sync
  'The CRM came back without a code: start connecting again from Parley.':
    'Le CRM est revenu sans code : recommencez la connexion depuis Parley.',
  'This connection link has expired or was already used: start connecting again from Parley.':
    'Ce lien de connexion a expiré ou a déjà servi : recommencez la connexion depuis Parley.',
  'This CRM does not connect by OAuth.': 'Ce CRM ne se connecte pas par OAuth.',
  'No such CRM connection in your account.': 'Cette connexion CRM n’existe pas dans votre compte.',
  // connectors: the CRM's refusal, as sync/admin.ts passes it on
  'The saved Attio contact sync position is unreadable; restart the contact sync from the beginning.':
    'La position enregistrée de la synchronisation des contacts Attio est illisible ; relancez la synchronisation des contacts depuis le début.',
  'Attio says Parley’s access token is no longer active. Reconnect Attio.':
    'Attio indique que le jeton d’accès de Parley n’est plus actif. Reconnectez Attio.',
  'Logging this call in Attio failed unexpectedly; Parley will retry.':
    'L’enregistrement de cet appel dans Attio a échoué de façon inattendue ; Parley réessaiera.',
  'Attio’s token answer was not understood.':
    'La réponse d’Attio à la demande de jeton n’a pas été comprise.',
  'Attio did not accept the new token. Try connecting again.':
    'Attio n’a pas accepté le nouveau jeton. Réessayez de vous connecter.',
  'Expected a phone number in E.164 form, like +33612345678':
    'Numéro de téléphone au format E.164 attendu, par exemple +33612345678',
  'The stored Google Contacts position is not one Parley wrote; import the contacts again.':
    'La position enregistrée pour Google Contacts n’a pas été écrite par Parley ; importez de nouveau les contacts.',
  'Google granted no offline access, so Parley could not keep reading contacts. Connect Google Contacts again.':
    'Google n’a pas accordé d’accès hors ligne : Parley ne peut donc pas continuer à lire les contacts. Connectez de nouveau Google Contacts.',
  'The saved HubSpot sync position is unreadable; resync contacts from the start.':
    'La position enregistrée de la synchronisation HubSpot est illisible ; resynchronisez les contacts depuis le début.',
  'More than 10,000 HubSpot contacts changed in the same millisecond; Parley will retry.':
    'Plus de 10 000 contacts HubSpot ont changé dans la même milliseconde ; Parley réessaiera.',
  'Without the Parley module, Odoo can only hold a call in a contact’s chatter, and this call has no contact. Install the Parley app in Odoo (Apps → Parley) to log every call.':
    'Sans le module Parley, Odoo ne peut garder un appel que dans le fil de discussion d’un contact, et cet appel n’a pas de contact. Installez l’application Parley dans Odoo (Applications → Parley) pour enregistrer tous les appels.',
  'Odoo gave no answer for this call.': 'Odoo n’a donné aucune réponse pour cet appel.',
  'Use the http(s) address of the Odoo instance': 'Utilisez l’adresse http(s) de l’instance Odoo',
  'Use a two-letter country code, like FR': 'Utilisez un code pays à deux lettres, par exemple FR',
  'Odoo created no contact.': 'Odoo n’a créé aucun contact.',
  'Odoo created no company.': 'Odoo n’a créé aucune entreprise.',
  'Odoo refused the API key (Access Denied): it was revoked, or the login or database changed. Create a new API key in Odoo (Preferences → Account Security) and reconnect.':
    'Odoo a refusé la clé d’API (Access Denied) : elle a été révoquée, ou l’identifiant ou la base de données a changé. Créez une nouvelle clé d’API dans Odoo (Préférences → Sécurité du compte) et reconnectez-vous.',
  'Odoo (its hosting proxy) is throttling requests; Parley will retry after the wait it asked for.':
    'Odoo (son proxy d’hébergement) limite les requêtes ; Parley réessaiera après le délai demandé.',
  'Odoo answered 404 for its XML-RPC endpoint: check the Odoo address in the connection (no /web or /odoo path).':
    'Odoo a répondu 404 pour son point d’accès XML-RPC : vérifiez l’adresse Odoo de la connexion (sans chemin /web ni /odoo).',
  'The connection to Odoo dropped; Parley will retry.':
    'La connexion à Odoo a été coupée ; Parley réessaiera.',
  'This Odoo change cursor is not one Parley issued; start the sync over.':
    'Ce curseur de modifications Odoo n’a pas été émis par Parley ; recommencez la synchronisation.',
  'Expected an ISO 3166 country code, like FR': 'Code pays ISO 3166 attendu, par exemple FR',
  'Salesforce: the saved sync position is unreadable; restart the contact sync.':
    'Salesforce : la position de synchronisation enregistrée est illisible ; relancez la synchronisation des contacts.',
  'Expected a Salesforce datetime': 'Date et heure Salesforce attendue',
  'Salesforce answered the sign-in with something Parley did not expect; try again.':
    'Salesforce a répondu à la connexion d’une façon que Parley n’attendait pas ; réessayez.',

  // The advice a CRM connector adds after the CRM's own words (connectors/*/errors.ts ADVICE)
  'Reconnect Google Contacts in Parley’s settings and allow access to contacts again.':
    'Reconnectez Google Contacts dans les réglages de Parley et autorisez de nouveau l’accès aux contacts.',
  'Parley will read the rest once Google’s per-minute quota resets.':
    'Parley lira le reste quand le quota par minute de Google sera rétabli.',
  'The contact may have been deleted in Google Contacts.':
    'Le contact a peut-être été supprimé dans Google Contacts.',
  'Check Parley’s settings for this Google connection.':
    'Vérifiez les réglages de Parley pour cette connexion Google.',
  'Parley will retry shortly.': 'Parley réessaiera sous peu.',
  'Parley will read the contacts again and retry.': 'Parley relira les contacts et réessaiera.',
  'Reconnect HubSpot in Parley’s settings (an admin of the portal must approve the app again).':
    'Reconnectez HubSpot dans les réglages de Parley (un administrateur du portail doit approuver de nouveau l’application).',
  'Parley will retry once HubSpot’s limit resets.':
    'Parley réessaiera quand la limite de HubSpot sera rétablie.',
  'The record may have been deleted in HubSpot.': 'La fiche a peut-être été supprimée dans HubSpot.',
  'Check the HubSpot record and Parley’s settings for this connection.':
    'Vérifiez la fiche HubSpot et les réglages de Parley pour cette connexion.',
  'Parley will read the record again and retry.': 'Parley relira la fiche et réessaiera.',
  'Reconnect Salesforce from Parley’s settings.': 'Reconnectez Salesforce depuis les réglages de Parley.',
  'Parley will retry once the org’s API allowance recovers.':
    'Parley réessaiera quand le quota d’API de l’organisation sera rétabli.',
  'The record was deleted or merged in Salesforce.': 'La fiche a été supprimée ou fusionnée dans Salesforce.',
  'Check the Parley package is installed and the fields are visible to the connected user.':
    'Vérifiez que le package Parley est installé et que les champs sont visibles pour l’utilisateur connecté.',
  'Another record already holds this value; check for duplicates in Salesforce.':
    'Une autre fiche a déjà cette valeur ; cherchez les doublons dans Salesforce.',
  'Salesforce did not answer; Parley will retry.': 'Salesforce n’a pas répondu ; Parley réessaiera.',
  'Reconnect Attio in Parley’s settings.': 'Reconnectez Attio dans les réglages de Parley.',
  'Parley will try again when Attio allows it.': 'Parley réessaiera quand Attio le permettra.',
  'The record may have been deleted in Attio.': 'La fiche a peut-être été supprimée dans Attio.',
  'Check the Attio connection’s settings and the record’s data.':
    'Vérifiez les réglages de la connexion Attio et les données de la fiche.',
  'Parley will try again shortly.': 'Parley réessaiera sous peu.',

  // telephony: the carrier's refusal, as numbers/carrier-errors.ts passes it on
  'Twilio rejected the Account SID or Auth Token. Copy both again from the Twilio Console (Account Info); the token changes when it is rotated.':
    'Twilio a rejeté l’Account SID ou l’Auth Token. Copiez-les de nouveau depuis la console Twilio (Account Info) ; le jeton change quand il est renouvelé.',
  'The Twilio account is not active (suspended or closed). Reactivate it in the Twilio Console.':
    'Le compte Twilio n’est pas actif (suspendu ou fermé). Réactivez-le dans la console Twilio.',
  'Twilio refused access. Check that these credentials belong to the account that owns the resource.':
    'Twilio a refusé l’accès. Vérifiez que ces identifiants appartiennent au compte propriétaire de la ressource.',
  'Twilio has no such resource on this account.': 'Twilio n’a pas cette ressource sur ce compte.',
  'Twilio is rate limiting this account. Wait a moment and retry.':
    'Twilio limite le débit de ce compte. Attendez un instant et réessayez.',
  'Twilio says the phone number is invalid. Give it in E.164 form, e.g. +14155550123.':
    'Twilio indique que le numéro n’est pas valide. Donnez-le au format E.164, par exemple +14155550123.',
  'This number is no longer available to buy on Twilio. Search again and pick another.':
    'Ce numéro n’est plus disponible à l’achat chez Twilio. Cherchez de nouveau et choisissez-en un autre.',
  'Twilio does not know this area code. Area codes apply to US and Canada numbers.':
    'Twilio ne connaît pas cet indicatif régional. Les indicatifs régionaux valent pour les numéros des États-Unis et du Canada.',
  'Twilio has no numbers left in this area code. Try another area code, or none.':
    'Twilio n’a plus de numéros dans cet indicatif régional. Essayez-en un autre, ou aucun.',
  'Twilio needs an address on the account to buy this number. Add one under Phone Numbers > Regulatory Compliance in the Twilio Console.':
    'Twilio demande une adresse sur le compte pour acheter ce numéro. Ajoutez-en une sous Phone Numbers > Regulatory Compliance dans la console Twilio.',
  'Twilio needs an approved regulatory bundle to buy numbers in this country. Create one under Phone Numbers > Regulatory Compliance in the Twilio Console.':
    'Twilio demande un dossier réglementaire approuvé pour acheter des numéros dans ce pays. Créez-en un sous Phone Numbers > Regulatory Compliance dans la console Twilio.',
  'Twilio credentials are malformed: the Account SID is AC followed by 32 hex characters and the Auth Token has no spaces. Copy both from the Twilio Console (Account Info).':
    'Les identifiants Twilio sont mal formés : l’Account SID est AC suivi de 32 caractères hexadécimaux et l’Auth Token ne contient pas d’espace. Copiez-les tous deux depuis la console Twilio (Account Info).',
  'The browser dialer credentials are malformed: the Account SID starts with AC, the API key SID with SK and the TwiML App SID with AP, each followed by 32 hex characters, and the API key secret is required. Copy them from the Twilio Console.':
    'Les identifiants du combiné navigateur sont mal formés : l’Account SID commence par AC, le SID de clé d’API par SK et le SID de TwiML App par AP, chacun suivi de 32 caractères hexadécimaux, et le secret de la clé d’API est obligatoire. Copiez-les depuis la console Twilio.',
  'The simulator carrier has numbers for FR, GB, US only; set Twilio credentials to search other countries':
    'L’opérateur simulé n’a de numéros que pour FR, GB et US ; configurez des identifiants Twilio pour chercher dans d’autres pays',
  // telephony/number-search.ts, behind "Invalid …: "
  'country must be an ISO 3166 alpha-2 code such as FR, GB or US':
    'country doit être un code ISO 3166 alpha-2 tel que FR, GB ou US',
  'type must be local, mobile or toll_free': 'type doit valoir local, mobile ou toll_free',
  'areaCode must be 1 to 5 digits, e.g. 415, 1 or 20':
    'areaCode doit compter 1 à 5 chiffres, par exemple 415, 1 ou 20',
  'contains must be 2 to 16 digits or letters, * for one digit, % for any run':
    'contains doit compter 2 à 16 chiffres ou lettres, * pour un chiffre, % pour une suite quelconque',
  'limit must be at most 50': 'limit doit valoir au plus 50',
  'limit must be at least 1': 'limit doit valoir au moins 1',
  'e164 must be a valid number in E.164 form, e.g. +14155550123':
    'e164 doit être un numéro valide au format E.164, par exemple +14155550123',
  'voiceUrl must be an absolute http(s) URL the carrier can reach':
    'voiceUrl doit être une URL http(s) absolue que l’opérateur peut joindre',
  'statusCallbackUrl must be an absolute http(s) URL the carrier can reach':
    'statusCallbackUrl doit être une URL http(s) absolue que l’opérateur peut joindre',
  'friendlyName must be at most 64 characters': 'friendlyName doit faire au plus 64 caractères',
  'a phone number SID is PN followed by 32 letters or digits':
    'un SID de numéro est PN suivi de 32 lettres ou chiffres',

  // calls, transfer, supervision, comments, recordings
  'No stage of this call has failed; nothing to run again.':
    'Aucune étape de cet appel n’a échoué ; rien à relancer.',
  'The comment you answer is not on this call any more.':
    'Le commentaire auquel vous répondez n’est plus sur cet appel.',
  'No such comment on this call': 'Ce commentaire n’existe pas sur cet appel',
  'This call goes through Twilio: the dialer answers and hangs up through the Voice SDK, not this endpoint.':
    'Cet appel passe par Twilio : le combiné décroche et raccroche via le Voice SDK, pas par ce point d’accès.',
  'This call has ended already.': 'Cet appel est déjà terminé.',
  'You are not on this call.': 'Vous n’êtes pas sur cet appel.',
  'This call is not ringing your dialer.': 'Cet appel ne sonne pas sur votre combiné.',
  'You are already on this call: pick a teammate or a number.':
    'Vous êtes déjà sur cet appel : choisissez un coéquipier ou un numéro.',
  'No teammate with this id in your team.': 'Aucun coéquipier de votre équipe n’a cet identifiant.',
  'The customer is not connected yet: transfer the call once they have answered.':
    'Le client n’est pas encore connecté : transférez l’appel une fois qu’il a répondu.',
  'This call has ended: there is nothing left to transfer.':
    'Cet appel est terminé : il n’y a plus rien à transférer.',
  'Only the member on this call can transfer it.':
    'Seul le membre en ligne sur cet appel peut le transférer.',
  'This account has no number to transfer from.': 'Ce compte n’a aucun numéro depuis lequel transférer.',
  'You are not listening to this call any more.': 'Vous n’écoutez plus cet appel.',
  'Another admin is listening; only they can change how.':
    'Un autre administrateur écoute ; lui seul peut changer le mode.',
  'Live listening is off for this account: turn it on in the supervision settings first.':
    'L’écoute en direct est désactivée pour ce compte : activez-la d’abord dans les réglages de supervision.',
  'This call is not in progress with a rep: there is nothing to listen to.':
    'Cet appel n’est pas en cours avec un commercial : il n’y a rien à écouter.',
  'You are on this call yourself.': 'Vous êtes vous-même sur cet appel.',
  'You are already on this call: change the mode instead.':
    'Vous êtes déjà sur cet appel : changez plutôt de mode.',
  'The call has ended.': 'L’appel est terminé.',
  'Only the account’s admins and the member who took this call can hear it or read its transcript.':
    'Seuls les administrateurs du compte et le membre qui a pris cet appel peuvent l’écouter ou lire sa transcription.',
  'This call has no recording kept: it was not recorded, is still being fetched, or was deleted.':
    'Cet appel n’a aucun enregistrement conservé : il n’a pas été enregistré, est encore en cours de récupération, ou a été supprimé.',
  'This recording link is not valid.': 'Ce lien d’enregistrement n’est pas valide.',
  'The range ends before it starts.': 'La période se termine avant de commencer.',
  'Pick a day on or after the start.': 'Choisissez un jour égal ou postérieur au début.',
  'The file cannot be read.': 'Le fichier ne peut pas être lu.',
  'Already in use.': 'Déjà utilisé.',
  'Ring time must be a whole number of seconds between 5 and 120.':
    'La durée de sonnerie doit être un nombre entier de secondes entre 5 et 120.',
  'Parley could not send this contact; it will try again.':
    'Parley n’a pas pu envoyer ce contact ; il réessaiera.',

  // http/routes (zod messages)
  'Keep notes under 5,000 characters': 'Limitez les notes à 5 000 caractères',
  'Write the note': 'Rédigez la note',
  'Too long for a phone number': 'Trop long pour un numéro de téléphone',
  'Pick a teammate or enter a number': 'Choisissez un coéquipier ou saisissez un numéro',
  'A Twilio call sid': 'Un sid d’appel Twilio',
  'A dialer identity': 'Une identité de combiné',
  'Sign the request with the account’s auth token.': 'Signez la requête avec l’auth token du compte.',
  'Not a valid comment id': 'Identifiant de commentaire non valide',
  'true never records calls on this number': 'true : les appels de ce numéro ne sont jamais enregistrés',
  'Give deleteAudioAfterDays (null keeps audio) or keepTranscript':
    'Indiquez deleteAudioAfterDays (null garde l’audio) ou keepTranscript',
  'At most ten years (3650 days)': 'Au plus dix ans (3 650 jours)',
  'At least one day': 'Au moins un jour',
  'Whole days': 'En jours entiers',
  'Not a valid account id': 'Identifiant de compte non valide',
  'Not a valid expiry': 'Date d’expiration non valide',
  'Choose listen, whisper or barge': 'Choisissez listen, whisper ou barge',
  'Give enabled or tellMembers': 'Indiquez enabled ou tellMembers',
  'The Attio app signs in with an admin’s API token, not a browser session.':
    'L’application Attio se connecte avec le jeton d’API d’un administrateur, pas avec une session de navigateur.',

  // hubspot-card
  'A HubSpot record id is a number': 'Un identifiant de fiche HubSpot est un nombre',
  'objectTypeId is HubSpot’s object type id, e.g. 0-1':
    'objectTypeId est l’identifiant de type d’objet HubSpot, par exemple 0-1',
  'At most 100 associated contacts': 'Au plus 100 contacts associés',
  'Not a Parley call id': 'Pas un identifiant d’appel Parley',
  'Give the number to call': 'Indiquez le numéro à appeler',
  'Some fields are not valid.': 'Certains champs ne sont pas valides.',
  'portalId is HubSpot’s numeric portal id': 'portalId est l’identifiant numérique du portail HubSpot',
  'userId is HubSpot’s numeric user id': 'userId est l’identifiant numérique de l’utilisateur HubSpot',
  'userEmail is the HubSpot user’s email': 'userEmail est l’e-mail de l’utilisateur HubSpot',
  'Parley has no HubSpot app: set PARLEY_HUBSPOT_CLIENT_ID and PARLEY_HUBSPOT_CLIENT_SECRET.':
    'Parley n’a pas d’application HubSpot : définissez PARLEY_HUBSPOT_CLIENT_ID et PARLEY_HUBSPOT_CLIENT_SECRET.',
  'HubSpot did not say which portal and user this card runs for.':
    'HubSpot n’a pas indiqué pour quel portail et quel utilisateur cette carte s’affiche.',
  'The external id HubSpot sends is a Parley call id':
    'L’identifiant externe envoyé par HubSpot est un identifiant d’appel Parley',
  'externalAccountId is the Parley account the call was logged for':
    'externalAccountId est le compte Parley pour lequel l’appel a été enregistré',
  'No recording of this call for this HubSpot account.':
    'Aucun enregistrement de cet appel pour ce compte HubSpot.',

  // Values the patterns below put inside a sentence (`what`, a language, a feature, a place in a file)
  'The announcement': 'L’annonce',
  'The greeting': 'L’accueil',
  'The forwarding number': 'Le numéro de renvoi',
  'The after-hours forwarding number': 'Le numéro de renvoi hors horaires',
  'The after-hours announcement': 'L’annonce hors horaires',
  French: 'français',
  English: 'anglais',
  'The web and desktop dialer': 'Le combiné web et de bureau',
  'The dashboard': 'Le tableau de bord',
  Supervision: 'La supervision',
  'The AI receptionist': 'Le standard IA',
  'number search': 'recherche de numéros',
  'number purchase': 'achat de numéro',
  'number release': 'libération de numéro',
};

type Pattern = readonly [RegExp, string];

/** Messages built from values; `$1`… put the captured values back. Only the common ones. */
export const patternsFr: readonly Pattern[] = [
  [/^Expected (\w+)$/, 'Type attendu : $1'],
  [/^Invalid option: expected one of (.+)$/, 'Option non valide : choisissez parmi $1'],
  [/^Unknown fields?: (.+)$/, 'Champ(s) inconnu(s) : $1'],
  [
    /^"(.*)" is not a valid phone number for (\w+): write it in international format, e\.g\. \+33 6 12 34 56 78\.$/,
    '« $1 » n’est pas un numéro de téléphone valide pour $2 : écrivez-le au format international, par exemple +33 6 12 34 56 78.',
  ],
  [
    /^"(.*)" is not a valid phone number for (\w+): check it, or write it in international format \(\+33 6 12 34 56 78\)\.$/,
    '« $1 » n’est pas un numéro de téléphone valide pour $2 : vérifiez-le, ou écrivez-le au format international (+33 6 12 34 56 78).',
  ],
  [/^"(.*)" is not a valid email address$/, '« $1 » n’est pas une adresse e-mail valide'],
  [
    /^"(.*)" is not an E\.164 phone number; write it as \+ country code and number, e\.g\. \+33612345678$/,
    '« $1 » n’est pas un numéro E.164 ; écrivez-le sous la forme + indicatif pays et numéro, par exemple +33612345678',
  ],
  [/^A contact can have at most (\d+) email addresses$/, 'Un contact peut avoir au plus $1 adresses e-mail'],
  [
    /^A contact can have at most (\d+) phone numbers$/,
    'Un contact peut avoir au plus $1 numéros de téléphone',
  ],
  [
    /^Unknown time zone "(.*)": use an IANA name such as Europe\/Paris$/,
    'Fuseau horaire inconnu « $1 » : utilisez un nom IANA tel que Europe/Paris',
  ],
  [
    /^(\w+day) is open but has no opening hours: add a range such as 09:00–18:00, or mark the day closed\.$/,
    'Le $1 est ouvert mais n’a aucun horaire : ajoutez une plage comme 09:00–18:00, ou marquez le jour fermé.',
  ],
  [
    /^(\w+day) is missing: say whether it is open and its opening ranges\.$/,
    'Le $1 manque : indiquez s’il est ouvert et ses plages d’ouverture.',
  ],
  [
    /^(\w+day): each range needs a start time such as 09:00\.$/,
    'Le $1 : chaque plage demande une heure de début, par exemple 09:00.',
  ],
  [
    /^(\w+day): each range needs an end time such as 18:00\.$/,
    'Le $1 : chaque plage demande une heure de fin, par exemple 18:00.',
  ],
  [
    /^(\w+day): set enabled to true \(open\) or false \(closed\)\.$/,
    'Le $1 : mettez enabled à true (ouvert) ou false (fermé).',
  ],
  [
    /^(\w+day): give the opening ranges as a list, empty if closed\.$/,
    'Le $1 : indiquez les plages d’ouverture sous forme de liste, vide si fermé.',
  ],
  [
    /^The holiday "(.*)" is not a calendar date: write it as YYYY-MM-DD, such as 2026-12-25\.$/,
    'Le jour férié « $1 » n’est pas une date du calendrier : écrivez-le sous la forme AAAA-MM-JJ, par exemple 2026-12-25.',
  ],
  [
    /^Too many sign-in attempts for this email: wait (\d+) s and try again\.$/,
    'Trop de tentatives de connexion pour cet e-mail : attendez $1 s et réessayez.',
  ],
  [/^(\+\d+) is already in use: pick another number\.$/, '$1 est déjà utilisé : choisissez un autre numéro.'],
  [
    /^(\d+) of (\d+) seats used: add a seat in Billing$/,
    '$1 postes utilisés sur $2 : ajoutez un poste dans Facturation',
  ],
  [
    /^No route (\S+) (\S+): see \/api\/openapi\.json for the API\.$/,
    'Aucune route $1 $2 : consultez /api/openapi.json pour l’API.',
  ],
  [/^Nothing at (.+)\.$/, 'Rien à l’adresse $1.'],

  // Where a contact file's problem is: the place is translated, then what follows it.
  [/^Row (\d+)$/, 'Ligne $1'],
  [/^Card starting on line (\d+)$/, 'La fiche commençant à la ligne $1'],
  [/^column "(.*)"$/, 'colonne « $1 »'],
  [/^(\w+day), range (\d+)$/, '$1, plage $2'],
  [
    /^(.+?): (.+?) is quoted-printable encoded, a vCard 2\.1 form Parley does not read; export the contacts again as vCard 3\.0 or 4\.0$/,
    '$1 : $2 est encodé en quoted-printable, une forme de vCard 2.1 que Parley ne lit pas ; exportez de nouveau les contacts en vCard 3.0 ou 4.0',
  ],
  [
    /^(.+?) has no END:VCARD before (.+?), so it was skipped; the file may have been cut or edited by hand$/,
    '$1 n’a pas de END:VCARD avant $2 : elle a donc été ignorée ; le fichier a peut-être été tronqué ou modifié à la main',
  ],
  [/^the next card on line (\d+)$/, 'la fiche suivante, ligne $1'],
  [/^the end of the file$/, 'la fin du fichier'],
  [/^(.+?) has no name and no company; fill in (.+)$/, '$1 n’a ni nom ni entreprise ; renseignez $2'],
  [/^(.+?) has no name \(FN or N\) and no company \(ORG\)$/, '$1 n’a ni nom (FN ou N) ni entreprise (ORG)'],
  [
    /^(.+?) has (.+?) values but the header line names (.+?) columns; a value that contains "(.*)" must be put in double quotes$/,
    '$1 a $2 valeurs mais la ligne d’en-tête nomme $3 colonnes ; une valeur qui contient « $4 » doit être mise entre guillemets doubles',
  ],
  [
    /^Row (.+?) opens a double quote \("\) that is never closed, so the row was skipped; close the quote or remove it$/,
    'La ligne $1 ouvre un guillemet double (") jamais refermé : elle a donc été ignorée ; fermez le guillemet ou supprimez-le',
  ],
  [/^Row (.+?) could not be read: (.*)$/, 'La ligne $1 n’a pas pu être lue : $2'],
  [
    /^No column of this file gives a contact's name or company\. Its first line must name the columns; accepted headers are (.+)\.$/,
    'Aucune colonne de ce fichier ne donne le nom ou l’entreprise d’un contact. Sa première ligne doit nommer les colonnes ; en-têtes acceptés : $1.',
  ],
  [
    /^"(.*)" is not a valid phone number for (\w+); write it in international format, e\.g\. (.+)$/,
    '« $1 » n’est pas un numéro de téléphone valide pour $2 ; écrivez-le au format international, par exemple $3',
  ],
  [
    /^"(.*)" is not a valid phone number; write it in international format, \+ and the country code first, e\.g\. (.+)$/,
    '« $1 » n’est pas un numéro de téléphone valide ; écrivez-le au format international, + et l’indicatif pays d’abord, par exemple $2',
  ],
  [/^((?:Row|Card starting on line) \d+), (.+?): (.+)$/, '$1, $2 : $3'],
  [/^((?:Row|Card starting on line) \d+): (.+)$/, '$1 : $2'],

  // domain/hours: `$1` is a day, or "Monday, range 2"
  [
    /^(.+?): write each range as \{ start: "09:00", end: "18:00" \}\.$/,
    '$1 : écrivez chaque plage sous la forme { start: "09:00", end: "18:00" }.',
  ],
  [
    /^(.+?) has more than (.+?) opening ranges: merge some\.$/,
    '$1 a plus de $2 plages d’ouverture : fusionnez-en.',
  ],
  [
    /^(.+?): the start "(.*)" is not a time; write it as HH:MM between 00:00 and 23:59, such as 09:00\.$/,
    '$1 : le début « $2 » n’est pas une heure ; écrivez-le au format HH:MM entre 00:00 et 23:59, par exemple 09:00.',
  ],
  [
    /^(.+?): the end "(.*)" is not a time; write it as HH:MM between 00:01 and 24:00, such as 18:00\.$/,
    '$1 : la fin « $2 » n’est pas une heure ; écrivez-la au format HH:MM entre 00:01 et 24:00, par exemple 18:00.',
  ],
  [
    /^(.+?) ends at (.+?), which is not after its start (.+?): a range must end later the same day \(use 24:00 for midnight\)\.$/,
    '$1 se termine à $2, ce qui n’est pas après son début $3 : une plage doit finir plus tard le même jour (utilisez 24:00 pour minuit).',
  ],
  [
    /^(.+?) \((.+?)–(.+?)\) overlaps range (.+?) \((.+?)–(.+?)\): change one so they share no time\.$/,
    '$1 ($2–$3) chevauche la plage $4 ($5–$6) : modifiez-en une pour qu’elles ne se recouvrent pas.',
  ],
  [
    /^There are more than (.+?) holidays: remove past ones\.$/,
    'Il y a plus de $1 jours fériés : supprimez ceux qui sont passés.',
  ],
  [
    /^Unknown time zone (.+?): use an IANA name such as Europe\/Paris$/,
    'Fuseau horaire inconnu $1 : utilisez un nom IANA tel que Europe/Paris',
  ],

  // domain/routing-policy: `$1` is a field ("The greeting") or a language
  [
    /^(.+?) is missing: write the text callers should hear\.$/,
    '$1 manque : écrivez le texte que les appelants doivent entendre.',
  ],
  [
    /^(.+?) is empty: write the text callers should hear\.$/,
    '$1 est vide : écrivez le texte que les appelants doivent entendre.',
  ],
  [/^(.+?) is longer than 1000 characters: shorten it\.$/, '$1 dépasse 1000 caractères : raccourcissez-le.'],
  [
    /^(.+?) must be a phone number in international format, such as \+33612345678\.$/,
    '$1 doit être un numéro de téléphone au format international, par exemple +33612345678.',
  ],
  [
    /^No member with id (.+?) in your team: pick members of this account\.$/,
    'Aucun membre n’a l’identifiant $1 dans votre équipe : choisissez des membres de ce compte.',
  ],
  [
    /^Ring at most (.+?) members at once: remove some\.$/,
    'Faites sonner au plus $1 membres à la fois : retirez-en.',
  ],
  [
    /^Ring at most (.+?) members at once: remove some or use a cascade\.$/,
    'Faites sonner au plus $1 membres à la fois : retirez-en ou utilisez une cascade.',
  ],
  [
    /^A cascade has at most (.+?) steps: remove some\.$/,
    'Une cascade compte au plus $1 étapes : retirez-en.',
  ],
  [/^A menu has at most (.+?) options, one per key\.$/, 'Un menu compte au plus $1 options, une par touche.'],
  [
    /^An intent has at most (.+?) (.+?) phrases: keep the most typical ones\.$/,
    'Une intention a au plus $1 phrases en $2 : gardez les plus typiques.',
  ],
  [/^Give the (.+?) phrases as a list\.$/, 'Indiquez les phrases en $1 sous forme de liste.'],
  [
    /^A phrase in (.+?) is longer than 200 characters: shorten it\.$/,
    'Une phrase en $1 dépasse 200 caractères : raccourcissez-la.',
  ],
  [
    /^A phrase in (.+?) is empty: write what a caller might say, or remove it\.$/,
    'Une phrase en $1 est vide : écrivez ce qu’un appelant pourrait dire, ou supprimez-la.',
  ],
  [/^Each phrase in (.+?) must be text\.$/, 'Chaque phrase en $1 doit être du texte.'],
  [
    /^The receptionist handles at most (.+?) intents: merge some\.$/,
    'Le standard gère au plus $1 intentions : fusionnez-en.',
  ],

  // plans, seats, numbers, calls, dashboard
  [
    /^(.+?) is part of the Business plan; this account is on (.+?)\. An admin can upgrade in Billing\.$/,
    '$1 fait partie de l’offre Business ; ce compte a l’offre $2. Un administrateur peut changer d’offre dans Facturation.',
  ],
  [
    /^(.+?) seats are in use \((.+?) members, (.+?) pending invitations\): remove a member or revoke an invitation before removing seats\.$/,
    '$1 postes sont utilisés ($2 membres, $3 invitations en attente) : retirez un membre ou révoquez une invitation avant de retirer des postes.',
  ],
  [
    /^At most (.+?) unused seat\(s\) can be removed\.$/,
    'Au plus $1 poste(s) inutilisé(s) peu(ven)t être retiré(s).',
  ],
  [/^At most (.+?) seat\(s\) can be removed\.$/, 'Au plus $1 poste(s) peu(ven)t être retiré(s).'],
  [
    /^You already have (.+?): ask an admin to change it\.$/,
    'Vous avez déjà $1 : demandez à un administrateur de le changer.',
  ],
  [
    /^(.+?) is already used by your team: pick a free one\.$/,
    '$1 est déjà utilisé par votre équipe : choisissez-en un libre.',
  ],
  [/^The simulated call failed: (.*)$/, 'L’appel simulé a échoué : $1'],
  [
    /^A call status is one of (.+) \(map Twilio's "initiated" to "queued"\)\.$/,
    'Un statut d’appel est l’un de $1 (le « initiated » de Twilio devient « queued »).',
  ],
  [/^Ranges cover at most (.+?) days\.$/, 'Une période couvre au plus $1 jours.'],
  [/^Pick at most (.+?) days\.$/, 'Choisissez au plus $1 jours.'],
  [
    /^This recording link has expired; sign in to Parley to play the call: (.*)$/,
    'Ce lien d’enregistrement a expiré ; connectez-vous à Parley pour écouter l’appel : $1',
  ],
  [
    /^Name the Attio user's email in the (.+?) header\.$/,
    'Indiquez l’e-mail de l’utilisateur Attio dans l’en-tête $1.',
  ],
  [
    /^No Parley member uses (.+?) in this account: invite this person to Parley with the email they use in Attio\.$/,
    'Aucun membre Parley n’utilise $1 dans ce compte : invitez cette personne dans Parley avec l’e-mail qu’elle utilise dans Attio.',
  ],
  [
    /^HubSpot portal (.+?) is not connected to Parley: an admin connects HubSpot in Parley’s console \(CRM\)\.$/,
    'Le portail HubSpot $1 n’est pas connecté à Parley : un administrateur connecte HubSpot dans la console Parley (CRM).',
  ],
  [
    /^(.+?) is not a member of this Parley team: an admin invites them, or assigns their HubSpot owner to a member\.$/,
    '$1 n’est pas membre de cette équipe Parley : un administrateur l’invite, ou attribue son propriétaire HubSpot à un membre.',
  ],
  [
    /^This request is not signed by HubSpot for Parley’s app \((.+)\); nothing was read or changed\.$/,
    'Cette requête n’est pas signée par HubSpot pour l’application Parley ($1) ; rien n’a été lu ni modifié.',
  ],

  // sync/admin.ts: connecting a CRM
  [
    /^Parley has no connector for "(.*)": use (.+)\.$/,
    'Parley n’a pas de connecteur pour « $1 » : utilisez $2.',
  ],
  [
    /^This Parley server has no (.+?) connector installed\.$/,
    'Ce serveur Parley n’a pas de connecteur $1 installé.',
  ],
  [
    /^(.+?) connects with a form: send its fields instead\.$/,
    '$1 se connecte par un formulaire : envoyez plutôt ses champs.',
  ],
  [
    /^(.+?) is not set up on this server: its administrator sets (\S+) and (\S+) \(see README\)\.$/,
    '$1 n’est pas configuré sur ce serveur : son administrateur définit $2 et $3 (voir le README).',
  ],
  [/^(.+?) did not grant access: (.*)\.$/, '$1 n’a pas accordé l’accès : $2.'],
  [
    /^(.+?) connects with OAuth: start it with an empty body\.$/,
    '$1 se connecte par OAuth : lancez la connexion avec un corps vide.',
  ],
  [/^Check the (.+?) connection fields\.$/, 'Vérifiez les champs de la connexion $1.'],
  [/^Parley failed while logging this call: (.*)$/, 'Parley a échoué en enregistrant cet appel : $1'],

  // connectors: CRM refusals (the CRM's own words stay as they are)
  [
    /^Attio answered (.+?) in a shape Parley does not know\.$/,
    'Attio a répondu à $1 sous une forme que Parley ne connaît pas.',
  ],
  [
    /^Attio refused (.+?) \(HTTP (.+?)\)\. Try connecting again\.$/,
    'Attio a refusé $1 (HTTP $2). Réessayez de vous connecter.',
  ],
  [
    /^(.+?) answered (.+?) with something that is not JSON\.$/,
    '$1 a répondu à $2 par autre chose que du JSON.',
  ],
  [
    /^(.+?) answered with something that is not JSON \(HTTP (.+?)\)\.$/,
    '$1 a répondu par autre chose que du JSON (HTTP $2).',
  ],
  [
    /^(.+?) answered (.+?) with a body Parley does not recognise\.$/,
    '$1 a répondu à $2 avec un contenu que Parley ne reconnaît pas.',
  ],
  [
    /^Parley has used this (.+?) connection's request budget for now; the rest will follow automatically\.$/,
    'Parley a épuisé pour l’instant le quota de requêtes de cette connexion $1 ; le reste suivra automatiquement.',
  ],
  [
    /^The (.+?) connection's settings are incomplete or wrong \((.+)\); reconnect it\.$/,
    'Les réglages de la connexion $1 sont incomplets ou erronés ($2) ; reconnectez-la.',
  ],
  [
    /^(.+?) pointed to another host \((.+?)\); the request was not sent\.$/,
    '$1 renvoyait vers un autre hôte ($2) ; la requête n’a pas été envoyée.',
  ],
  [/^(.+?) did not answer within (.+?) ms\.$/, '$1 n’a pas répondu en $2 ms.'],
  [/^Parley could not reach (.+?) at (.+?)\.$/, 'Parley n’a pas pu joindre $1 à l’adresse $2.'],
  [/^Attio said: “(.*)”$/, 'Attio a répondu : « $1 »'],
  [/^Attio answered HTTP (\d+)\.$/, 'Attio a répondu HTTP $1.'],
  [/^(Google|HubSpot) said: (.*)$/, '$1 a répondu : $2'],
  [/^Salesforce: (.*)$/, 'Salesforce : $1'],
  [
    /^HubSpot did not report on this (.+?); Parley will send it again\.$/,
    'HubSpot n’a rien indiqué sur cet élément ($1) ; Parley le renverra.',
  ],
  [
    /^This HubSpot token belongs to portal (.+?), not (.+?); reconnect HubSpot\.$/,
    'Ce jeton HubSpot appartient au portail $1, pas à $2 ; reconnectez HubSpot.',
  ],
  [
    /^HubSpot did not confirm the (.+?)'s link to its contact; Parley will send it again\.$/,
    'HubSpot n’a pas confirmé le lien de cet élément ($1) avec son contact ; Parley le renverra.',
  ],
  [
    /^A call can be logged on an Odoo contact \(res\.partner\) only, not on (.+)\.$/,
    'Un appel ne peut être enregistré que sur un contact Odoo (res.partner), pas sur $1.',
  ],
  [
    /^A note goes on an Odoo contact or Parley call, not on (.+)\.$/,
    'Une note se place sur un contact Odoo ou un appel Parley, pas sur $1.',
  ],
  [/^An Odoo contact is a res\.partner, not (.+)\.$/, 'Un contact Odoo est un res.partner, pas $1.'],
  [
    /^The Odoo contact (.+?) no longer exists \(deleted in Odoo\?\)\.$/,
    'Le contact Odoo $1 n’existe plus (supprimé dans Odoo ?).',
  ],
  [/^Odoo refused the call: (.*)$/, 'Odoo a refusé l’appel : $1'],
  [
    /^Odoo refused the login "(.*)" with this API key on database "(.*)": the key was revoked or belongs to another user\. Create a new API key in Odoo \(Preferences → Account Security\) and reconnect\.$/,
    'Odoo a refusé l’identifiant « $1 » avec cette clé d’API sur la base « $2 » : la clé a été révoquée ou appartient à un autre utilisateur. Créez une nouvelle clé d’API dans Odoo (Préférences → Sécurité du compte) et reconnectez-vous.',
  ],
  [
    /^Odoo answered (.+?) in a shape Parley does not expect \((.+)\); is this a supported Odoo version \(17 or 18\)\?$/,
    'Odoo a répondu à $1 sous une forme que Parley n’attend pas ($2) ; s’agit-il d’une version d’Odoo prise en charge (17 ou 18) ?',
  ],
  [
    /^Odoo says the connected user lacks the rights for this: (.*) Give that user access \(Contacts, and Parley calls once the module is installed\) or reconnect with another user\.$/,
    'Odoo indique que l’utilisateur connecté n’a pas les droits pour cela : $1 Donnez-lui l’accès (Contacts, et les appels Parley une fois le module installé) ou reconnectez-vous avec un autre utilisateur.',
  ],
  [
    /^Odoo was updating the same record at the same time: (.*)$/,
    'Odoo modifiait le même enregistrement au même moment : $1',
  ],
  [
    /^Odoo says the record no longer exists \(deleted in Odoo\?\): (.*)$/,
    'Odoo indique que l’enregistrement n’existe plus (supprimé dans Odoo ?) : $1',
  ],
  [/^Odoo already holds this record: (.*)$/, 'Odoo contient déjà cet enregistrement : $1'],
  [/^Odoo's database did not answer: (.*)$/, 'La base de données d’Odoo n’a pas répondu : $1'],
  [/^Odoo refused the request: (.*)$/, 'Odoo a refusé la requête : $1'],
  [
    /^Odoo's server answered (.+?): a proxy in front of Odoo refuses Parley\. Check the Odoo address and that its XML-RPC endpoints are reachable\.$/,
    'Le serveur d’Odoo a répondu $1 : un proxy devant Odoo refuse Parley. Vérifiez l’adresse Odoo et que ses points d’accès XML-RPC sont joignables.',
  ],
  [
    /^Odoo is not answering right now \(HTTP (.+?)\); Parley will retry\.$/,
    'Odoo ne répond pas pour le moment (HTTP $1) ; Parley réessaiera.',
  ],
  [
    /^Odoo answered HTTP (.+?) with something that is not XML-RPC; Parley will retry\.$/,
    'Odoo a répondu HTTP $1 par autre chose que du XML-RPC ; Parley réessaiera.',
  ],
  [
    /^Odoo did not answer in time \((.+)\); Parley will retry\.$/,
    'Odoo n’a pas répondu à temps ($1) ; Parley réessaiera.',
  ],
  [
    /^Odoo's answer could not be read \((.+)\); Parley will retry\.$/,
    'La réponse d’Odoo n’a pas pu être lue ($1) ; Parley réessaiera.',
  ],

  // telephony: carrier refusals
  [
    /^The carrier refused Parley's credentials: check the Twilio Account SID and auth token in account settings\. \((.*)\)$/,
    'L’opérateur a refusé les identifiants de Parley : vérifiez l’Account SID et l’auth token Twilio dans les réglages du compte. ($1)',
  ],
  [/^(.+) \(Twilio (.+?)\)$/, '$1 (code Twilio $2)'],
  // parse-twilio-error.ts: Twilio's own words, when it gave some, follow a colon
  [
    /^Twilio refused the credentials: (.+?)\. Check the Account SID and Auth Token in the Twilio Console\.$/,
    'Twilio a refusé les identifiants : $1. Vérifiez l’Account SID et l’Auth Token dans la console Twilio.',
  ],
  [
    /^Twilio refused the credentials\. Check the Account SID and Auth Token in the Twilio Console\.$/,
    'Twilio a refusé les identifiants. Vérifiez l’Account SID et l’Auth Token dans la console Twilio.',
  ],
  [
    /^Twilio is unavailable \(HTTP (.+?)\): (.+?)\. Retry shortly; status\.twilio\.com shows incidents\.$/,
    'Twilio est indisponible (HTTP $1) : $2. Réessayez sous peu ; status.twilio.com signale les incidents.',
  ],
  [
    /^Twilio is unavailable \(HTTP (.+?)\)\. Retry shortly; status\.twilio\.com shows incidents\.$/,
    'Twilio est indisponible (HTTP $1). Réessayez sous peu ; status.twilio.com signale les incidents.',
  ],
  [
    /^Twilio is rate limiting this account: (.+?)\. Wait a moment and retry\.$/,
    'Twilio limite le débit de ce compte : $1. Attendez un instant et réessayez.',
  ],
  [
    /^Twilio is rate limiting this account\. Wait a moment and retry\.$/,
    'Twilio limite le débit de ce compte. Attendez un instant et réessayez.',
  ],
  [/^Twilio could not find it: (.+?)\.$/, 'Twilio ne l’a pas trouvé : $1.'],
  [/^Twilio could not find it\.$/, 'Twilio ne l’a pas trouvé.'],
  [/^Twilio refused the request: (.+?)\.$/, 'Twilio a refusé la requête : $1.'],
  [/^Twilio refused the request\.$/, 'Twilio a refusé la requête.'],
  [
    /^Could not reach Twilio \((.+)\)\. Check the network or proxy, then retry\.$/,
    'Impossible de joindre Twilio ($1). Vérifiez le réseau ou le proxy, puis réessayez.',
  ],
  [/^The Twilio client failed unexpectedly: (.*)$/, 'Le client Twilio a échoué de façon inattendue : $1'],
  [
    /^Twilio has no conference (.+?) in progress: the call has ended\.$/,
    'Twilio n’a pas de conférence $1 en cours : l’appel est terminé.',
  ],
  [
    /^Twilio has no live call (.+?) any more: it ended before it could be transferred\.$/,
    'Twilio n’a plus d’appel en cours $1 : il s’est terminé avant de pouvoir être transféré.',
  ],
  [
    /^Twilio filters by area code only in the US and Canada; for (.+?) give either an area code or a pattern, not both\.$/,
    'Twilio ne filtre par indicatif régional qu’aux États-Unis et au Canada ; pour $1, indiquez soit un indicatif, soit un motif, pas les deux.',
  ],
  [
    /^Twilio sells no (.+?) numbers in (.+?); try another number type\.$/,
    'Twilio ne vend pas de numéros $1 pour $2 ; essayez un autre type de numéro.',
  ],
  [
    /^Twilio account (.+?) has no number (.+?); it may be released already\.$/,
    'Le compte Twilio $1 n’a pas de numéro $2 ; il a peut-être déjà été libéré.',
  ],
  [
    /^Twilio account (.+?) is (.+?); reactivate it in the Twilio Console or use another account\.$/,
    'Le compte Twilio $1 est $2 ; réactivez-le dans la console Twilio ou utilisez un autre compte.',
  ],
  [/^Invalid (.+?): (.+) \((\S+)\)\.$/, 'Demande non valide ($1) : $2 ($3).'],
  [/^Invalid (.+?): (.+)\.$/, 'Demande non valide ($1) : $2.'],
  [
    /^The simulator carrier only sells numbers reserved for fiction, and (.+?) is not one; search and pick a listed number\.$/,
    'L’opérateur simulé ne vend que des numéros réservés à la fiction, et $1 n’en est pas un ; cherchez et choisissez un numéro de la liste.',
  ],
  [
    /^(.+?) was already bought; search again and pick another number\.$/,
    '$1 a déjà été acheté ; cherchez de nouveau et choisissez un autre numéro.',
  ],
  [
    /^The simulator carrier has no number (.+?); it may be released already\.$/,
    'L’opérateur simulé n’a pas de numéro $1 ; il a peut-être déjà été libéré.',
  ],
  [
    /^The simulator carrier has no (.+?) numbers for (.+?): no range reserved for fiction there is a valid number\. Search (.+?) numbers, or set Twilio credentials\.$/,
    'L’opérateur simulé n’a pas de numéros $1 pour $2 : aucune plage réservée à la fiction n’y donne un numéro valide. Cherchez des numéros $3, ou configurez des identifiants Twilio.',
  ],
  [
    /^(.+?) is not a US area code; give three digits such as 415\.$/,
    '$1 n’est pas un indicatif régional américain ; indiquez trois chiffres, par exemple 415.',
  ],
  [
    /^PUBLIC_URL "(.*)" is not a URL; set it to e\.g\. (.+)\.$/,
    'PUBLIC_URL « $1 » n’est pas une URL ; donnez-lui par exemple la valeur $2.',
  ],
  [
    /^PUBLIC_URL "(.*)" must start with https:\/\/ \(or http:\/\/ locally\)\.$/,
    'PUBLIC_URL « $1 » doit commencer par https:// (ou http:// en local).',
  ],
  [
    /^PUBLIC_URL "(.*)" must have no query or fragment: Twilio signs the full URL\.$/,
    'PUBLIC_URL « $1 » ne doit avoir ni paramètres ni fragment : Twilio signe l’URL complète.',
  ],
  [
    /^PUBLIC_URL "(.*)" must be an http\(s\) address without query string or fragment, such as (\S+) or (\S+)\.$/,
    'PUBLIC_URL « $1 » doit être une adresse http(s) sans paramètres ni fragment, par exemple $2 ou $3.',
  ],
  [
    /^The request path "(.*)" must start with "\/"\.$/,
    'Le chemin de la requête « $1 » doit commencer par « / ».',
  ],
  [
    /^Dialer identity "(.*)" must be 1 to 256 letters, digits or underscores\.$/,
    'L’identité de combiné « $1 » doit compter 1 à 256 lettres, chiffres ou tirets bas.',
  ],
  [
    /^A dialer token lives between 1 and (.+?) seconds; (.+?) is outside that range\.$/,
    'Un jeton de combiné vit entre 1 et $1 secondes ; $2 est hors de cet intervalle.',
  ],
  [
    /^Member id "(.*)" is not a uuid, so it has no dialer identity\.$/,
    'L’identifiant de membre « $1 » n’est pas un UUID : il n’a donc pas d’identité de combiné.',
  ],
];

const DAYS_FR: Record<string, string> = {
  Monday: 'lundi',
  Tuesday: 'mardi',
  Wednesday: 'mercredi',
  Thursday: 'jeudi',
  Friday: 'vendredi',
  Saturday: 'samedi',
  Sunday: 'dimanche',
};

/** Known whole sentences, to translate one that ends a longer message. */
const SENTENCES = Object.entries(messagesFr).filter(([english]) => /^[A-Z].*\.$/.test(english));

/**
 * The French for one English message, or the message itself when it is not known. A pattern's
 * captured values are translated too, so a sentence that wraps another message ("Row 4: …", a
 * CRM's refusal) or names a field ("The greeting is empty…") reads French throughout.
 */
export function translateMessage(message: string): string {
  const known = messagesFr[message];
  if (known !== undefined) return known;
  for (const [pattern, french] of patternsFr) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = match.slice(1).map((value) => (value === undefined ? '' : translateMessage(value)));
    return french
      .replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '')
      .replace(/\b[A-Z][a-z]+day\b/g, (day) => DAYS_FR[day] ?? day);
  }
  // mount.ts words a 400 as "field: message"; translate the message part.
  const colon = message.indexOf(': ');
  if (colon > 0 && !message.slice(0, colon).includes(' ')) {
    const rest = message.slice(colon + 2);
    const french = translateMessage(rest);
    if (french !== rest) return `${message.slice(0, colon)}\u00a0: ${french}`;
  }
  // A CRM's own words followed by Parley's advice: the advice is a known sentence.
  for (const [english, french] of SENTENCES)
    if (message.length > english.length && message.endsWith(` ${english}`))
      return `${translateMessage(message.slice(0, -english.length - 1))} ${french}`;
  return message;
}
