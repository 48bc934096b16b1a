import { describe, expect, it } from 'vitest';
import {
  formatOrgnr,
  isSoleTraderOrgnr,
  isValidOrgnr,
  luhnCheckDigit,
  luhnValid,
  maskOrgnr,
  normaliseOrgnr,
  parseOrgnr,
} from '../../src/lib/orgnr';

/** Appends the Luhn check digit to nine digits. */
const withCheck = (nine: string) => nine + luhnCheckDigit(nine);
/** Changes the last digit so the check fails. */
const breakCheck = (ten: string) => ten.slice(0, 9) + ((Number(ten[9]) + 1) % 10);

const AB = withCheck('556677889'); // aktiebolag series
const PERSON = '6408233234'; // the textbook personnummer example (valid Luhn)

describe('luhn', () => {
  it('accepts the textbook personnummer and rejects a changed digit', () => {
    expect(luhnValid(PERSON)).toBe(true);
    expect(luhnValid(breakCheck(PERSON))).toBe(false);
    expect(luhnValid('abc')).toBe(false);
  });
});

describe('parseOrgnr', () => {
  it('normalises the common spellings of the same organisation number', () => {
    const formatted = `${AB.slice(0, 6)}-${AB.slice(6)}`;
    for (const input of [AB, formatted, `16${formatted}`, `16${AB}`, `  ${formatted} `, `${AB.slice(0, 6)} ${AB.slice(6)}`]) {
      expect(normaliseOrgnr(input), input).toBe(AB);
    }
  });

  it('gives a legal-form hint from the first digit', () => {
    const hint = (nine: string) => {
      const r = parseOrgnr(withCheck(nine));
      return r.ok ? r.value.legalForm : r.problem;
    };
    expect(hint('556677889')).toBe('AB');
    expect(hint('969712345')).toBe('HB/KB');
    expect(hint('802412345')).toBe('ideell');
    expect(hint('769612345')).toBe('ek');
    expect(hint('212000123')).toBe('offentlig');
  });

  it('detects sole traders in 10- and 12-digit personal number forms', () => {
    for (const input of [PERSON, '640823-3234', '19640823-3234', '196408233234', '640823+3234']) {
      const r = parseOrgnr(input);
      expect(r.ok, input).toBe(true);
      if (r.ok) {
        expect(r.value.digits).toBe(PERSON);
        expect(r.value.isSoleTrader).toBe(true);
        expect(r.value.legalForm).toBe('EF');
      }
    }
    expect(isSoleTraderOrgnr(AB)).toBe(false);
  });

  it('treats day + 60 as a co-ordination number (still a sole trader)', () => {
    const coord = withCheck('640883323');
    const r = parseOrgnr(coord);
    expect(r.ok && r.value.isSoleTrader && r.value.isCoordinationNumber).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(parseOrgnr(breakCheck(AB))).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(parseOrgnr(breakCheck(PERSON))).toMatchObject({ ok: false, problem: 'check_digit' });
  });

  it('rejects wrong lengths', () => {
    for (const input of ['55667788', '556677-88990', '55667788991', '1234567890123']) {
      expect(parseOrgnr(input), input).toMatchObject({ ok: false, problem: 'length' });
    }
  });

  it('rejects garbage and empty input', () => {
    expect(parseOrgnr('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseOrgnr('   ')).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseOrgnr('abc')).toMatchObject({ ok: false, problem: 'format' });
    expect(parseOrgnr('556677-889X')).toMatchObject({ ok: false, problem: 'format' });
    expect(parseOrgnr(null as unknown as string)).toMatchObject({ ok: false, problem: 'empty' });
    expect(isValidOrgnr('DROP TABLE')).toBe(false);
  });

  it('rejects numbers that are neither organisations nor persons', () => {
    // Digits 3–4 = 15: not a month and below 20.
    expect(parseOrgnr(withCheck('551512345'))).toMatchObject({ ok: false, problem: 'not_a_number' });
    // Month 01 but day 45: neither a day nor a co-ordination day.
    expect(parseOrgnr(withCheck('640145123'))).toMatchObject({ ok: false, problem: 'not_a_number' });
  });

  it('checks the century prefix against the kind of number', () => {
    expect(parseOrgnr(`16${PERSON}`)).toMatchObject({ ok: false, problem: 'century' });
    expect(parseOrgnr(`19${AB}`)).toMatchObject({ ok: false, problem: 'century' });
    expect(parseOrgnr(`17${PERSON}`)).toMatchObject({ ok: false, problem: 'century' });
  });
});

describe('formatOrgnr and maskOrgnr', () => {
  it('formats with a hyphen after six digits', () => {
    expect(formatOrgnr(`16${AB}`)).toBe(`${AB.slice(0, 6)}-${AB.slice(6)}`);
    expect(() => formatOrgnr('nonsense')).toThrow();
  });

  it('masks sole traders so neither the birth date nor the serial shows', () => {
    const masked = maskOrgnr('19640823-3234');
    expect(masked).toBe('64****-****');
    expect(masked).not.toContain('0823');
    expect(masked).not.toContain('3234');
  });

  it('shows legal entities in full and masks invalid input completely', () => {
    expect(maskOrgnr(AB)).toBe(`${AB.slice(0, 6)}-${AB.slice(6)}`);
    expect(maskOrgnr(breakCheck(PERSON))).toBe('******-****');
  });
});
