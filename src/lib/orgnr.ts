/**
 * Swedish organisation numbers: parsing and normalisation to ten digits, the Luhn
 * check digit, sole-trader detection (the number is the owner's personal identity
 * number), a legal-form hint from the first digit, and display/masking.
 *
 * Accepted input: "556677-8899", "5566778899", "16556677-8899" (12 digits with the
 * "16" prefix Bolagsverket uses for legal entities), personal numbers "850312-1234",
 * "850312+1234" (over 100 years old), "19850312-1234", "198503121234".
 */

/** Why a number was rejected. */
export type OrgnrProblem = 'empty' | 'format' | 'length' | 'century' | 'not_a_number' | 'check_digit';

/** Legal-form hint codes; stored in providers.legal_form. */
export type LegalFormHint =
  | 'EF' // enskild firma (sole trader: personal identity number)
  | 'dodsbo'
  | 'offentlig'
  | 'utlandsk'
  | 'AB'
  | 'enkelt_bolag'
  | 'ek'
  | 'ideell'
  | 'HB/KB';

export interface Orgnr {
  /** Ten digits, no separator: what the database stores. */
  digits: string;
  /** True when the number is a personal identity or co-ordination number (sole trader). */
  isSoleTrader: boolean;
  /** True for a samordningsnummer (day + 60). */
  isCoordinationNumber: boolean;
  /** Legal-form hint; a hint only, since the first digit groups several forms. */
  legalForm: LegalFormHint | null;
}

export type OrgnrResult = { ok: true; value: Orgnr } | { ok: false; problem: OrgnrProblem; message: string };

const MESSAGES: Record<OrgnrProblem, string> = {
  empty: 'organisation number is missing',
  format: 'organisation number must be digits with an optional hyphen, e.g. 556677-8899',
  length: 'organisation number must have 10 digits (or 12 with a century prefix)',
  century: 'a 12-digit number must start with 16 (organisations) or 18/19/20 (sole traders)',
  not_a_number: 'not a valid organisation or personal identity number (digits 3–4 must be a month 01–12 or ≥ 20)',
  check_digit: 'organisation number has a wrong check digit',
};

const FIRST_DIGIT_FORMS: Record<string, LegalFormHint | undefined> = {
  '1': 'dodsbo',
  '2': 'offentlig',
  '3': 'utlandsk',
  '5': 'AB',
  '6': 'enkelt_bolag',
  '7': 'ek',
  '8': 'ideell',
  '9': 'HB/KB',
};

/** Swedish and English labels for the legal-form hints. */
export const LEGAL_FORM_LABELS: Record<LegalFormHint, { sv: string; en: string }> = {
  EF: { sv: 'enskild firma', en: 'sole trader' },
  dodsbo: { sv: 'dödsbo', en: 'estate of a deceased person' },
  offentlig: { sv: 'stat, region, kommun eller församling', en: 'state, region, municipality or parish' },
  utlandsk: { sv: 'utländskt företag', en: 'foreign company' },
  AB: { sv: 'aktiebolag', en: 'limited company' },
  enkelt_bolag: { sv: 'enkelt bolag', en: 'simple partnership' },
  ek: { sv: 'ekonomisk förening', en: 'economic association / co-operative' },
  ideell: { sv: 'ideell förening eller stiftelse', en: 'non-profit association or foundation' },
  'HB/KB': { sv: 'handelsbolag eller kommanditbolag', en: 'trading or limited partnership' },
};

/** True when the digit string passes the Luhn (modulus 10, weights 2-1) check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Weights run 2,1,2,1… from the left for a 10-digit number (check digit weight 1).
    let d = Number(digits[i]) * ((digits.length - i) % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes the nine given digits Luhn-valid. */
export function luhnCheckDigit(nineDigits: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(nineDigits + c)) return String(c);
  throw new Error('unreachable');
}

/** True when digits 3–4 are a month and 5–6 a day (or day + 60): a personal identity number. */
function looksPersonal(ten: string): { personal: boolean; coordination: boolean } {
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  const monthOk = month >= 1 && month <= 12;
  const plainDay = day >= 1 && day <= 31;
  const coordDay = day >= 61 && day <= 91;
  return { personal: monthOk && (plainDay || coordDay), coordination: monthOk && coordDay };
}

/**
 * Parses and validates an organisation number in any of the accepted forms.
 * Returns the normalised ten digits, the sole-trader flag and a legal-form hint.
 */
export function parseOrgnr(input: string): OrgnrResult {
  const fail = (problem: OrgnrProblem): OrgnrResult => ({ ok: false, problem, message: MESSAGES[problem] });
  const s = (input ?? '').trim().replace(/\s+/g, '');
  if (s === '') return fail('empty');
  const m = /^(\d{6}|\d{8})([-+]?)(\d{4})$/.exec(s);
  if (!m) return /^[\d+-]+$/.test(s) ? fail('length') : fail('format');
  let head = m[1];
  if (head.length === 8) {
    const century = head.slice(0, 2);
    head = head.slice(2);
    const personal = looksPersonal(head + m[3]).personal;
    if (century === '16') {
      if (personal) return fail('century');
    } else if (['18', '19', '20'].includes(century)) {
      if (!personal) return fail('century');
    } else return fail('century');
  }
  const digits = head + m[3];
  const { personal, coordination } = looksPersonal(digits);
  const legalEntity = Number(digits.slice(2, 4)) >= 20;
  if (!personal && !legalEntity) return fail('not_a_number');
  if (m[2] === '+' && !personal) return fail('format');
  if (!luhnValid(digits)) return fail('check_digit');
  return {
    ok: true,
    value: {
      digits,
      isSoleTrader: personal,
      isCoordinationNumber: coordination,
      legalForm: personal ? 'EF' : (FIRST_DIGIT_FORMS[digits[0]] ?? null),
    },
  };
}

/** Ten-digit normal form, or null when the input is not a valid number. */
export function normaliseOrgnr(input: string): string | null {
  const r = parseOrgnr(input);
  return r.ok ? r.value.digits : null;
}

/** True when the input is a valid organisation (or sole trader's personal) number. */
export function isValidOrgnr(input: string): boolean {
  return parseOrgnr(input).ok;
}

/** True when the (valid) number is a personal identity number, i.e. a sole trader. */
export function isSoleTraderOrgnr(input: string): boolean {
  const r = parseOrgnr(input);
  return r.ok && r.value.isSoleTrader;
}

/** "5566778899" → "556677-8899". Throws on an invalid number. */
export function formatOrgnr(input: string): string {
  const digits = normaliseOrgnr(input);
  if (!digits) throw new Error('invalid organisation number');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * Masked form for sole traders ("85****-****": only the birth decade's two digits,
 * never the date or serial). Legal entities are shown in full ("556677-8899").
 * Invalid input yields a fully masked "******-****" rather than leaking digits.
 */
export function maskOrgnr(input: string): string {
  const r = parseOrgnr(input);
  if (!r.ok) return '******-****';
  const d = r.value.digits;
  return r.value.isSoleTrader ? `${d.slice(0, 2)}****-****` : `${d.slice(0, 6)}-${d.slice(6)}`;
}
