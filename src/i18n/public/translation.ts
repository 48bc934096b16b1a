/**
 * The shape of a public-page language other than Swedish and English (./ar.ts, ./so.ts …): its
 * own file, imported by ./texts.ts, so the files and the dictionary share the type without
 * importing each other.
 */
import type { MessageKey } from './sv';

/**
 * A language other than Swedish and English: its texts (same keys as Swedish, in the same order)
 * and whether a native speaker has signed them off. Until then `awaitingNativeReview` is true and
 * every page in the language says so, in the language and in English. A reviewer signs off by
 * setting it to false.
 */
export interface Translation {
  awaitingNativeReview: boolean;
  messages: Partial<Record<MessageKey, string>>;
}
