/** The shape of an analysed document (analyse.ts builds it; the matcher, language detection and findings read it). */
import type { SourceDocument } from './document';

export interface Analysis {
  doc: SourceDocument;
  /** Normalised token strings. */
  norm: string[];
  /** Offsets of each token inside its piece's text. */
  start: Int32Array;
  end: Int32Array;
  piece: Int32Array;
  sentence: Int32Array;
  clause: Int32Array;
  block: Int32Array;
  /** 1 when the token follows a lone hyphen ("present-kort"), 2 when it is merged spaced-out letters. */
  flags: Int32Array;
  /**
   * Term id → flat list of [firstToken, lastToken] pairs (inclusive), in text order; undefined =
   * none. Views into one Int32Array per analysis (off the JS heap, so the collector does not copy them).
   */
  hits: (Int32Array | undefined)[];
  /** Language of each sentence (by sentence id): sv, en, so, pl, bs, ar, fa, ti or und. */
  sentenceLang: string[];
  /** Per token, the language whose function word it is (language.ts; -1 none). Absent = look it up. */
  stop?: Int8Array;
}
