import { describe, expect, it } from 'vitest';
import { pageDiff, safeHttpUrl, splitContext } from '../../src/review/findings/evidence';
import { csvCell, toCsv } from '../../src/review/csv';
import { isoWeek, weekStart } from '../../src/review/dashboard-queries';

describe('evidence helpers', () => {
  it('finds the match in its context, ignoring case and spacing', () => {
    expect(splitContext('…få ett Presentkort  på 500 kr', 'presentkort på')).toBeNull(); // double space in context is kept
    expect(splitContext('…få ett Presentkort på 500 kr', 'presentkort')).toEqual({ before: '…få ett ', match: 'Presentkort', after: ' på 500 kr' });
    expect(splitContext('abc', 'xyz')).toBeNull();
  });
  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHttpUrl('http://a.example')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example', 'not a url', ' javascript:alert(1)']) expect(safeHttpUrl(bad), bad).toBeNull();
  });
  it('diffs page texts line by line with word detail, folding long unchanged stretches', () => {
    const old = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'Vi hjälper dig med CV och intervjuer.', 'h', 'i', 'j', 'k', 'l'].join('\n');
    const neu = old.replace('Vi hjälper dig med CV och intervjuer.', 'Vi hjälper dig med CV och ett presentkort.');
    const d = pageDiff(old, neu);
    expect(d.kind).toBe('diff');
    if (d.kind !== 'diff') return;
    expect(d.blocks[0]).toEqual({ type: 'skip', lines: 5 });
    expect(d.blocks[1]).toEqual({ type: 'same', text: 'f\ng' });
    const change = d.blocks[2];
    expect(change.type).toBe('change');
    if (change.type === 'change') {
      expect(change.parts.filter((p) => p.type === 'del').map((p) => p.text.trim())).toEqual(['intervjuer']);
      expect(change.parts.filter((p) => p.type === 'add').map((p) => p.text.trim())).toEqual(['ett presentkort']);
    }
    expect(d.blocks.at(-1)).toEqual({ type: 'skip', lines: 3 });
    expect(pageDiff('same', 'same')).toEqual({ kind: 'same' });
  });
  it('shows rewritten lines whole, and gives up on huge rewrites', () => {
    const d = pageDiff('Helt annan text här', 'Ingenting gemensamt alls nu');
    expect(d.kind === 'diff' && d.blocks[0].type === 'change' && d.blocks[0].parts.map((p) => p.type)).toEqual(['del', 'same', 'add']);
    const big = (seed: number) => Array.from({ length: 5000 }, (_, i) => `rad ${i} ${(i * seed) % 97}`).join('\n');
    expect(pageDiff(big(7), big(13)).kind).toBe('too_big');
  });
});

describe('CSV', () => {
  it('quotes and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('\uFEFFa,b\r\n1,"x\ny"\r\n');
  });
});

describe('weeks', () => {
  it('uses Monday-based ISO weeks', () => {
    expect(weekStart(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23'); // a Monday
    expect(weekStart(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-23'); // Sunday
    expect(isoWeek('2026-11-23')).toBe(48);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53); // 2026 has 53 ISO weeks
    expect(isoWeek('2025-12-29')).toBe(1);
  });
});
