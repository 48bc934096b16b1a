import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/compliance';
import { highlightSegments } from '../../src/selfcheck/highlight';

const f = (start: number, end: number, severity: Finding['severity'] = 'high'): Finding =>
  ({ ruleId: 'R22-X', severity, start, end, message: '', suggestion: '', link: '', match: '', line: 1, column: start + 1, context: '', rulesetVersion: 'v', fingerprint: 'x' }) as Finding;

describe('highlightSegments', () => {
  it('splits text into plain and highlighted runs that join back to the text', () => {
    const text = 'abc defg hij';
    const segs = highlightSegments(text, [f(4, 8)]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => [s.text, s.findings, s.endsHere])).toEqual([
      ['abc ', [], []],
      ['defg', [0], [0]],
      [' hij', [], []],
    ]);
  });
  it('handles overlaps with the highest severity and skips empty or out-of-range findings', () => {
    const text = '0123456789';
    const segs = highlightSegments(text, [f(2, 6, 'low'), f(4, 8, 'critical'), f(0, 0), f(20, 30)]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.text === '45')).toMatchObject({ findings: [0, 1], severity: 'critical', endsHere: [0] });
    expect(segs.find((s) => s.text === '67')).toMatchObject({ findings: [1], endsHere: [1] });
  });
});
