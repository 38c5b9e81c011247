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

/** The French for one English message, or the message itself when it is not known. */
export function translateMessage(message: string): string {
  const known = messagesFr[message];
  if (known !== undefined) return known;
  for (const [pattern, french] of patternsFr)
    if (pattern.test(message))
      return message.replace(pattern, french).replace(/\b[A-Z][a-z]+day\b/g, (day) => DAYS_FR[day] ?? day);
  // mount.ts words a 400 as "field: message"; translate the message part.
  const colon = message.indexOf(': ');
  if (colon > 0 && !message.slice(0, colon).includes(' ')) {
    const rest = message.slice(colon + 2);
    const french = translateMessage(rest);
    if (french !== rest) return `${message.slice(0, colon)} : ${french}`;
  }
  return message;
}
