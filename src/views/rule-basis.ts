/**
 * A rule's basis in the reader's language: the rules keep each source line and the basis note
 * in English (`text`, `note`) and Swedish (`sv`, `noteSv`); Swedish pages must not show English.
 */
import type { Locale } from '../i18n/locale-info';

/** A source line in the page's language (Swedish where the rule has it, else the English text). */
export const sourceText = (s: { text: string; sv?: string }, locale: Locale): string => (locale === 'sv' && s.sv ? s.sv : s.text);

/** The basis note in the page's language. */
export const basisNote = (r: { basis: { note?: string; noteSv?: string } }, locale: Locale): string | undefined => (locale === 'sv' ? r.basis.noteSv ?? r.basis.note : r.basis.note);
