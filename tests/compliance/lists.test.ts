// A negation before a list governs every item of it (src/compliance/lists.ts), through the
// engine with the rules on disk.
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/compliance/index';
import { diskRuleset } from './rules-on-disk';

const rs = diskRuleset();
const rules = (text: string) => [...new Set(checkText(rs, text).map((f) => f.ruleId))];

describe('negated lists', () => {
  it.each([
    'Vi ger inga presentkort, surfplattor eller pengar till nya deltagare.',
    'Vi delar aldrig ut presentkort, nya mobiltelefoner eller kontanter till nya deltagare.',
    'Vi ger inte ut biobiljetter, presentkort, surfplattor eller pengar till nya deltagare.',
    'We give no gift cards, tablets or cash to new participants.',
  ])('the negation before the first item covers the later ones: %s', (text) => {
    expect(rules(text)).not.toContain('R22-INDUCEMENT');
  });

  it.each([
    // A contrast after the comma, not a list.
    'Inga krav, bara presentkort till alla nya deltagare!',
    'Inga krav, bara presentkort, surfplattor och pengar till alla nya deltagare!',
    // The joining word does not stand right before the item.
    'Ingen kö, och en surfplatta till alla nya deltagare.',
    // Too much between the comma and the item for a list item.
    'Vi tar inte ut någon avgift, och alla nya deltagare får 500 kr.',
    // A negation inside the list does not reach back to the items before it.
    'Presentkort, surfplattor men inga krav för nya deltagare!',
  ])('still flags what is no negated list: %s', (text) => {
    expect(rules(text)).toContain('R22-INDUCEMENT');
  });
});
