import { describe, expect, it } from 'vitest';
import { dailyShuffle } from '../../src/directory/ordering';
import { dayKey } from '../../src/lib/day-key';

const ids = Array.from({ length: 40 }, (_, i) => i + 1);

describe('daily neutral order', () => {
  it('is the same for every call on the same day', () => {
    expect(dailyShuffle(ids, (x) => x, '2026-11-23', 's')).toEqual(dailyShuffle([...ids].reverse(), (x) => x, '2026-11-23', 's'));
  });
  it('differs across days', () => {
    const a = dailyShuffle(ids, (x) => x, '2026-11-23', 's');
    const b = dailyShuffle(ids, (x) => x, '2026-11-24', 's');
    expect(a).not.toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(ids);
  });
  it('is not insertion order', () => {
    expect(dailyShuffle(ids, (x) => x, '2026-11-23', 's')).not.toEqual(ids);
  });
  it('gives every item a fair chance of first place over many days', () => {
    const firsts = new Map<number, number>();
    for (let d = 0; d < 400; d++) {
      const day = new Date(Date.UTC(2026, 0, 1) + d * 86400000).toISOString().slice(0, 10);
      const first = dailyShuffle(ids.slice(0, 5), (x) => x, day, 's')[0];
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(firsts.size).toBe(5);
    for (const n of firsts.values()) expect(n).toBeGreaterThan(40); // expected 80 each
  });
  it('does not move other items when one is removed', () => {
    const all = dailyShuffle(ids, (x) => x, '2026-11-23', 's');
    const without = dailyShuffle(ids.filter((x) => x !== 7), (x) => x, '2026-11-23', 's');
    expect(without).toEqual(all.filter((x) => x !== 7));
  });
  it('changes day at Swedish midnight', () => {
    expect(dayKey(new Date('2026-11-23T22:59:00Z'), 'Europe/Stockholm')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-23T23:01:00Z'), 'Europe/Stockholm')).toBe('2026-11-24');
  });
});
