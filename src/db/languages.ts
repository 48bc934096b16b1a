/**
 * Languages offered by providers, for the language filter and claims.
 * Codes: ISO 639-1 where it exists, else ISO 639-3 (Dari 'prs').
 */
export interface LanguageRow {
  code: string;
  nameSv: string;
  nameEn: string;
  nameNative: string;
}

export const LANGUAGES: LanguageRow[] = [
  { code: 'sv', nameSv: 'svenska', nameEn: 'Swedish', nameNative: 'svenska' },
  { code: 'en', nameSv: 'engelska', nameEn: 'English', nameNative: 'English' },
  { code: 'ar', nameSv: 'arabiska', nameEn: 'Arabic', nameNative: 'العربية' },
  { code: 'so', nameSv: 'somaliska', nameEn: 'Somali', nameNative: 'Soomaali' },
  { code: 'ti', nameSv: 'tigrinja', nameEn: 'Tigrinya', nameNative: 'ትግርኛ' },
  { code: 'prs', nameSv: 'dari', nameEn: 'Dari', nameNative: 'دری' },
  { code: 'fa', nameSv: 'persiska', nameEn: 'Persian', nameNative: 'فارسی' },
  { code: 'ku', nameSv: 'kurdiska', nameEn: 'Kurdish', nameNative: 'Kurdî' },
  { code: 'tr', nameSv: 'turkiska', nameEn: 'Turkish', nameNative: 'Türkçe' },
  { code: 'bs', nameSv: 'bosniska', nameEn: 'Bosnian', nameNative: 'bosanski' },
  { code: 'pl', nameSv: 'polska', nameEn: 'Polish', nameNative: 'polski' },
  { code: 'ru', nameSv: 'ryska', nameEn: 'Russian', nameNative: 'русский' },
  { code: 'uk', nameSv: 'ukrainska', nameEn: 'Ukrainian', nameNative: 'українська' },
  { code: 'es', nameSv: 'spanska', nameEn: 'Spanish', nameNative: 'español' },
  { code: 'fr', nameSv: 'franska', nameEn: 'French', nameNative: 'français' },
  { code: 'am', nameSv: 'amhariska', nameEn: 'Amharic', nameNative: 'አማርኛ' },
  { code: 'fi', nameSv: 'finska', nameEn: 'Finnish', nameNative: 'suomi' },
  { code: 'th', nameSv: 'thailändska', nameEn: 'Thai', nameNative: 'ไทย' },
  { code: 'ps', nameSv: 'pashto', nameEn: 'Pashto', nameNative: 'پښتو' },
  { code: 'sq', nameSv: 'albanska', nameEn: 'Albanian', nameNative: 'shqip' },
];
