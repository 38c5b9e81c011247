/**
 * Which column of a contacts spreadsheet holds what, read from the header line. Files come from
 * people and from CRM exports (Google, Outlook, HubSpot), in English or French, so headers are
 * compared without case, accents, punctuation or column numbers ("E-mail 1 - Value" reads as
 * "e mail value").
 */
export type ColumnKind = 'name' | 'first' | 'middle' | 'last' | 'company' | 'email' | 'phone';

export interface Column {
  index: number;
  header: string;
  kind: ColumnKind;
}

export interface HeaderMap {
  columns: Column[];
  /** Headers kept out of the import, as written in the file. */
  ignored: string[];
}

const NAME = [
  'name',
  'full name',
  'fullname',
  'display name',
  'contact name',
  'nom complet',
  'nom prenom',
  'prenom nom',
  'nom et prenom',
  'prenom et nom',
];
const FIRST = ['first name', 'firstname', 'given name', 'prenom'];
const MIDDLE = ['middle name', 'additional name'];
const LAST = ['last name', 'lastname', 'family name', 'surname', 'nom de famille'];
const COMPANY = [
  'company',
  'company name',
  'organization',
  'organisation',
  'organization name',
  'organisation name',
  'associated company',
  'account name',
  'societe',
  'entreprise',
  'raison sociale',
  'nom de l entreprise',
  'nom de la societe',
];

/**
 * Email and phone headers vary most ("Work Email", "E-mail 2 Address", "Numéro de téléphone
 * portable"), so they are recognised by their words: one word that says email or phone, and
 * otherwise only words that qualify it. A header with any other word ("E-mail 1 - Type",
 * "Email opt out", "Assistant's Phone", "Company Main Phone") is someone else's number or not
 * an address at all, and importing its values would attach wrong data to the contact.
 */
const EMAIL_WORDS = new Set(['email', 'emails', 'mail', 'mails', 'courriel', 'courriels', 'mel']);
const PHONE_WORDS = new Set([
  'phone',
  'phones',
  'telephone',
  'telephones',
  'tel',
  'mobile',
  'portable',
  'cell',
  'cellphone',
  'gsm',
]);
const QUALIFIERS = new Set([
  'e',
  'address',
  'adresse',
  'number',
  'numero',
  'no',
  'value',
  'primary',
  'principal',
  'principale',
  'secondary',
  'other',
  'autre',
  'work',
  'business',
  'office',
  'bureau',
  'pro',
  'professionnel',
  'professionnelle',
  'home',
  'domicile',
  'personal',
  'personnel',
  'personnelle',
  'perso',
  'main',
  'direct',
  'fixe',
  'de',
  'du',
  'la',
  'le',
  'l',
]);

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word))
    .join(' ');
}

function isMadeOf(key: string, core: Set<string>): boolean {
  const words = key.split(' ');
  return (
    words.some((word) => core.has(word)) && words.every((word) => core.has(word) || QUALIFIERS.has(word))
  );
}

function kindOf(key: string, hasFirstName: boolean): ColumnKind | null {
  // French files say "Prénom" and "Nom" side by side; alone, "Nom" is the whole name.
  if (key === 'nom') return hasFirstName ? 'last' : 'name';
  if (NAME.includes(key)) return 'name';
  if (FIRST.includes(key)) return 'first';
  if (MIDDLE.includes(key)) return 'middle';
  if (LAST.includes(key)) return 'last';
  if (COMPANY.includes(key)) return 'company';
  if (isMadeOf(key, EMAIL_WORDS)) return 'email';
  if (isMadeOf(key, PHONE_WORDS)) return 'phone';
  return null;
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const keys = headers.map(normaliseHeader);
  const hasFirstName = keys.some((key) => FIRST.includes(key));
  const columns: Column[] = [];
  const ignored: string[] = [];
  keys.forEach((key, index) => {
    const header = headers[index]!.trim();
    if (key === '') {
      if (header !== '') ignored.push(header);
      return;
    }
    const kind = kindOf(key, hasFirstName);
    if (kind) columns.push({ index, header, kind });
    else ignored.push(header);
  });
  return { columns, ignored };
}

export function canNameContacts(map: HeaderMap): boolean {
  return map.columns.some((column) => column.kind !== 'email' && column.kind !== 'phone');
}

/** Said when a file has no column to name its contacts by. */
export const ACCEPTED_HEADERS =
  'name: "Name", "Full name", "Display name", "Nom", "Nom complet"; ' +
  'or first and last name: "First name", "Given name", "Prénom", "Last name", "Family name", "Nom de famille"; ' +
  'company: "Company", "Organization", "Société", "Entreprise"; ' +
  'emails: "Email", "E-mail", "Email address", "Courriel"; ' +
  'phones: "Phone", "Mobile", "Work phone", "Téléphone", "Portable"';
