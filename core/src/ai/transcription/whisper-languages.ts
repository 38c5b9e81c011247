/**
 * OpenAI's verbose_json names the language in English words (`"english"`), while self-hosted
 * Whisper servers often answer with the code (`"en"`). The transcript keeps the code.
 */
const CODES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  german: 'de',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  polish: 'pl',
  swedish: 'sv',
  danish: 'da',
  norwegian: 'no',
  finnish: 'fi',
  russian: 'ru',
  ukrainian: 'uk',
  turkish: 'tr',
  arabic: 'ar',
  hebrew: 'he',
  hindi: 'hi',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
};

export function languageCode(name: string | undefined): string | null {
  if (!name) return null;
  const lower = name.trim().toLowerCase();
  if (/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lower) && !(lower in CODES)) return lower.split('-')[0] ?? null;
  return CODES[lower] ?? null;
}
