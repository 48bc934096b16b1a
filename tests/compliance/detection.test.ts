// Detection that carries to unseen copy (issue 14): morphology of concept terms, per-sentence
// language, evasion by invisible characters, look-alikes, leetspeak and spacing, and one finding
// per violation with all its evidence.
import { describe, expect, it } from 'vitest';
import { checkHtml, checkText } from '../../src/compliance/index';
import { analyse } from '../../src/compliance/analyse';
import { textDocument } from '../../src/compliance/document';
import { compileMorph } from '../../src/compliance/morphology';
import { morphMatches } from '../../src/compliance/terms';
import { diskRuleset } from './rules-on-disk';

const rs = diskRuleset();
const rules = (text: string) => [...new Set(checkText(rs, text, { model: false }).map((f) => f.ruleId))];

describe('morphology of ~lemma terms', () => {
  const sv = (lemma: string, word: string) => morphMatches(compileMorph(lemma, 'sv'), word);
  it('Swedish: inflections and compound heads match, look-alike stems do not', () => {
    for (const w of ['present', 'presenten', 'presenter', 'presenterna', 'valkomstpresent', 'julpresenten']) expect(sv('present', w), w).toBe(true);
    for (const w of ['presentation', 'presentera', 'presenterar', 'representant']) expect(sv('present', w), w).toBe(false);
    for (const w of ['gava', 'gavan', 'gavor', 'gavorna', 'valkomstgava']) expect(sv('gåva', w), w).toBe(true);
    expect(sv('gåva', 'begavad')).toBe(false);
    expect(sv('bonus', 'startbonusen')).toBe(true);
    expect(sv('presentkort', 'presentkortet')).toBe(true);
  });
  it('English uses Porter2 stems; other languages their affix lists', () => {
    expect(morphMatches(compileMorph('reward', 'en'), 'rewarded')).toBe(true);
    expect(morphMatches(compileMorph('prezent', 'pl'), 'prezenty')).toBe(true);
    expect(morphMatches(compileMorph('poklon', 'bs'), 'poklone')).toBe(true);
    expect(morphMatches(compileMorph('hadiyad', 'so'), 'hadiyadda')).toBe(true);
  });
});

describe('language per sentence', () => {
  it('tells Swedish, English, Somali, Polish, Bosnian, Arabic, Persian and Tigrinya apart', () => {
    const text = [
      'Vi hjälper dig att hitta ett jobb som passar dig.',
      'We help you find a job that fits your skills.',
      'Waxaan kaa caawinaynaa inaad hesho shaqo.',
      'Pomagamy znaleźć pracę, która jest dla ciebie.',
      'Pomažemo vam da nađete posao koji vam odgovara.',
      'نحن نساعدك في العثور على عمل.',
      'ما به شما کمک می‌کنیم تا کار پیدا کنید.',
      'ስራሕ ንምርካብ ንሕግዘኩም።',
    ].join('\n\n');
    const a = analyse(textDocument(text), rs.index);
    expect(a.sentenceLang).toEqual(['sv', 'en', 'so', 'pl', 'bs', 'ar', 'fa', 'ti']);
  });
  it('"At present" in English is not the Swedish word for a gift', () => {
    expect(rules('At present, new participants who choose us get individual coaching every week.')).not.toContain('R22-INDUCEMENT');
    expect(rules('Som ny deltagare får du en present när du väljer oss.')).toContain('R22-INDUCEMENT');
  });
});

describe('evasion', () => {
  const base = 'Välj oss och få ett presentkort på 500 kr!';
  const variants: Record<string, string> = {
    'zero-width joiner/non-joiner': 'Välj oss och få ett p\u200Dr\u200Ce\u200Dsentkort på 500 kr!',
    'soft hyphens': 'Välj oss och få ett pre\u00ADsent\u00ADkort på 500 kr!',
    'bidi override': 'Välj oss och få ett pres\u202Eent\u202Ckort på 500 kr!',
    'bidi isolate': 'Välj oss och få ett pres\u2067ent\u2069kort på 500 kr!',
    'Cyrillic inside words': 'Välj оss och få ett рrеsеntkоrt på 500 kr!',
    'Greek inside words': 'Välj oss och få ett ρresentκort på 500 kr!',
    fullwidth: 'Välj oss och få ett ｐｒｅｓｅｎｔｋｏｒｔ på 500 kr!',
    leetspeak: 'Välj oss och få ett pr3s3ntk0rt på 500 kr!',
    'dotted letters': 'Välj oss och få ett p.r.e.s.e.n.t.k.o.r.t på 500 kr!',
    'dashed letters': 'Välj oss och få ett p-r-e-s-e-n-t-k-o-r-t på 500 kr!',
    'spaced letters': 'V ä l j  o s s och få ett p r e s e n t k o r t på 500 kr!',
  };
  it('the plain sentence flags', () => expect(rules(base)).toContain('R22-INDUCEMENT'));
  it.each(Object.entries(variants))('%s still flags, with offsets into the original text', (_name, text) => {
    const fs = checkText(rs, text, { model: false }).filter((f) => f.ruleId === 'R22-INDUCEMENT');
    expect(fs).toHaveLength(1);
    for (const e of fs[0].evidence) expect(text.slice(e.start, e.end)).toBe(e.match);
  });
  it('a whole word in look-alike letters and a symbol inside a word', () => {
    expect(rules('Сhооsе us аnd gеt а frее іPаd!')).toContain('R22-INDUCEMENT');
    expect(rules('Välj oss och få en g@va!')).toContain('R22-INDUCEMENT');
  });
});

describe('one violation, one finding', () => {
  it("an image's file name and alt text give one LOGO finding with both spans", () => {
    const html = '<html><body><p>Välkommen</p><img src="/img/arbetsformedlingen-logo.png" alt="Arbetsförmedlingens logotyp"></body></html>';
    const logo = checkHtml(rs, html, { model: false }).filter((f) => f.ruleId === 'R22-LOGO');
    expect(logo).toHaveLength(1);
    expect(logo[0].evidence.length).toBe(2);
    for (const e of logo[0].evidence) expect(html.slice(e.start, e.end).length).toBeGreaterThan(0);
  });
  it('two matches of one rule in one sentence are one finding', () => {
    const fs = checkText(rs, 'Välj oss så får du ett presentkort, och väljer du oss nu får du en surfplatta också.', { model: false }).filter((f) => f.ruleId === 'R22-INDUCEMENT');
    expect(fs).toHaveLength(1);
  });
});
