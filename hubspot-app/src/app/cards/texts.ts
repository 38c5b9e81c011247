export type Lang = 'en' | 'fr';

const en = {
  title: 'Parley calls',
  loading: 'Loading Parley calls…',
  empty: 'No Parley call with this record yet.',
  emptyTitle: 'No calls yet',
  failedTitle: 'Parley could not be reached',
  retry: 'Try again',
  call: 'Call',
  calling: 'Parley rings your phone, then {number}.',
  callFailed: 'The call could not be placed: {message}',
  noNumber: 'This record has no phone number to call.',
  inbound: 'Inbound',
  outbound: 'Outbound',
  by: 'by {member}',
  unknownMember: 'nobody',
  summary: 'Summary',
  notes: 'Notes',
  recording: 'Listen to the recording',
  addNote: 'Add note',
  notePlaceholder: 'What was said, what comes next',
  saveNote: 'Save note',
  noteSaved: 'Note saved on the call.',
  noteFailed: 'The note was not saved: {message}',
  results: {
    answered: 'Answered',
    missed: 'Missed',
    voicemail: 'Voicemail',
    abandoned: 'Abandoned',
    busy: 'Busy',
    failed: 'Failed',
    after_hours: 'After hours',
  } as Record<string, string>,
};

const fr: typeof en = {
  title: 'Appels Parley',
  loading: 'Chargement des appels Parley…',
  empty: 'Aucun appel Parley avec cette fiche pour l’instant.',
  emptyTitle: 'Pas encore d’appel',
  failedTitle: 'Parley est injoignable',
  retry: 'Réessayer',
  call: 'Appeler',
  calling: 'Parley fait sonner votre téléphone, puis le {number}.',
  callFailed: 'L’appel n’a pas pu être passé : {message}',
  noNumber: 'Cette fiche n’a pas de numéro à appeler.',
  inbound: 'Entrant',
  outbound: 'Sortant',
  by: 'par {member}',
  unknownMember: 'personne',
  summary: 'Résumé',
  notes: 'Notes',
  recording: 'Écouter l’enregistrement',
  addNote: 'Ajouter une note',
  notePlaceholder: 'Ce qui a été dit, la suite à donner',
  saveNote: 'Enregistrer la note',
  noteSaved: 'Note enregistrée sur l’appel.',
  noteFailed: 'La note n’a pas été enregistrée : {message}',
  results: {
    answered: 'Décroché',
    missed: 'Manqué',
    voicemail: 'Messagerie',
    abandoned: 'Abandonné',
    busy: 'Occupé',
    failed: 'Échec',
    after_hours: 'Hors horaires',
  },
};

export type Texts = typeof en;

/** The HubSpot user's language: French for any `fr` locale, English otherwise. */
export function textsFor(locale: string | undefined): Texts {
  return locale?.toLowerCase().startsWith('fr') ? fr : en;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** 0:42, 12:05, 1:02:03. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
