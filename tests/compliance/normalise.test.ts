import { describe, expect, it } from 'vitest';
import { normaliseToken } from '../../src/compliance/normalise';
import { tokenize } from '../../src/compliance/tokenize';

const words = (text: string) => {
  const out: string[] = [];
  tokenize(text, (_s, _e, raw) => out.push(normaliseToken(raw)));
  return out;
};

describe('normaliseToken', () => {
  it.each([
    ['Presentkort', 'presentkort'],
    ['PRESENTKORT', 'presentkort'],
    ['gåvokorten', 'gavokorten'],
    ['prеsеntkоrt', 'presentkort'], // Cyrillic е and о
    ['pre\u200Bsent\u00ADkort', 'presentkort'],
    ['pr3sentk0rt', 'presentkort'],
    ['p3r50nnummer', 'personnummer'],
    ['ｐｒｅｓｅｎｔ', 'present'],
    ['𝐠𝐚𝐫𝐚𝐧𝐭𝐢', 'garanti'],
    ['هديّة', 'هديه'],
    ['هدیه', 'هديه'],
    ['3v3ry0n3', 'everyone'], // leet in several places, first and last character included
    ['ch0ic3', 'choice'],
    ['5urfpl4774', 'surfplatta'],
    ['o$$', 'oss'], // @ and $ are never digits
    ['@nn@n', 'annan'],
    ['Μeeτ', 'meet'], // upper-case Greek Mu and Eta look Latin only in upper case
    ['Ηandläggare', 'handlaggare'],
    ['Νοτ', 'not'],
  ])('%s → %s', (raw, expected) => expect(normaliseToken(raw)).toBe(expected));

  it('keeps real Cyrillic words and numbers intact', () => {
    expect(normaliseToken('подарок')).toBe('подарок');
    expect(normaliseToken('2025')).toBe('2025');
    expect(normaliseToken('covid19')).toBe('covid19');
    expect(normaliseToken('ΔΩΡΟ')).toBe('δωρο');
  });
  it('reads a word that starts with a leet digit, but not a number and its unit', () => {
    expect(words('Välj 0ss, din 3rsättning')).toEqual(['valj', 'oss', 'din', 'ersattning']);
    expect(words('5kr 3dagar 5stjärnor 1st 3e 100kr iphone15')).toEqual(['5', 'kr', '3', 'dagar', '5', 'stjarnor', '1', 'st', '3', 'e', '100', 'kr', 'iphone', '15']);
  });
});

describe('tokenize', () => {
  it('merges spaced-out letters and splits number + unit', () => {
    expect(words('Få ett p r e s e n t k o r t på 500kr')).toEqual(['fa', 'ett', 'presentkort', 'pa', '500', 'kr']);
    expect(words('V ä l j   o s s')).toEqual(['valj', 'oss']);
  });
  it('does not merge ordinary one-letter words', () => {
    expect(words('Jag bor i Malmö och å andra sidan')).toEqual(['jag', 'bor', 'i', 'malmo', 'och', 'a', 'andra', 'sidan']);
  });
  it('marks sentence boundaries but not abbreviations or decimals', () => {
    const bounds: number[] = [];
    tokenize('Hej. Det är t.ex. 3,5 av 4. Nu', (_s, _e, _r, b) => bounds.push(b));
    // Hej | Det är t ex 3 5 av 4 | Nu
    expect(bounds.map((b) => (b >= 2 ? '|' : '.')).join('')).toBe('||.......|');
  });
});
