import { describe, expect, it } from 'vitest';
import { afSyncSources, importRuns } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { daysSince } from '../../src/sync/data-age';
import { testApp } from '../helpers/app';
import { OFFICER, reviewTestApp, signedIn } from '../review/review-helpers';

// The test clock is 2026-11-23T10:00:00Z.
async function seedImports(db: Db) {
  await db.insert(importRuns).values([
    // An older and a newer rating workbook: the newer one counts.
    { source: 'af_ratings', fileName: 'betyg-rusta-och-matcha-maj-2026.xlsx', status: 'ok', dataAsOf: '2026-05-01', startedAt: '2026-05-03T08:00:00Z', finishedAt: '2026-05-03T08:00:09Z' },
    { source: 'af_ratings', fileName: 'betyg-rusta-och-matcha-september-2026.xlsx', status: 'ok', dataAsOf: '2026-09-01', startedAt: '2026-09-02T08:00:00Z', finishedAt: '2026-09-02T08:00:09Z' },
    // A failed import never counts as data.
    { source: 'af_results', fileName: 'resultat-november-2026.xlsx', status: 'failed', dataAsOf: '2026-11-01', startedAt: '2026-11-20T08:00:00Z', finishedAt: '2026-11-20T08:00:01Z' },
    { source: 'af_results', fileName: 'resultatuppfoljning-mars-november-2025.xlsx', status: 'partial', dataAsOf: '2025-11-01', startedAt: '2026-01-10T08:00:00Z', finishedAt: '2026-01-10T08:00:30Z' },
    { source: 'af_providers', fileName: 'sokleverantor-2026-11-22.json', status: 'unchanged', dataAsOf: '2026-11-22', startedAt: '2026-11-22T06:00:00Z', finishedAt: '2026-11-22T06:00:05Z' },
  ]);
  await db.insert(afSyncSources).values([
    { url: 'http://127.0.0.1:9/leverantorer', kind: 'chooser', status: 'unchanged', lastCheckedAt: '2026-11-23T06:00:00Z' },
    { url: 'http://127.0.0.1:9/filer/resultat-november-2026.xlsx', kind: 'af-results', status: 'import_failed', lastError: 'truncated workbook', lastCheckedAt: '2026-11-23T06:00:02Z' },
  ]);
}

describe('age of the data', () => {
  it('counts whole days from a date or a time', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(daysSince('2026-11-23', now)).toBe(0);
    expect(daysSince('2026-09-01', now)).toBe(83);
    expect(daysSince('2026-11-22T11:00:00Z', now)).toBe(0);
    expect(daysSince('2026-12-01', now)).toBe(0);
  });

  it('/healthz says how old each source is, which are older than AF_DATA_MAX_AGE_DAYS, and how the sync went, without its URLs', async () => {
    const t = await testApp({ seed: seedImports, env: { AF_DATA_MAX_AGE_DAYS: '70', AF_FILES_URL: 'http://127.0.0.1:9/filer' } });
    try {
      const res = await t.app.request('/healthz');
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.status).toBe('ok');
      expect(body.data.maxAgeDays).toBe(70);
      expect(body.data.sources.af_ratings).toMatchObject({ dataAsOf: '2026-09-01', ageDays: 83, stale: true });
      expect(body.data.sources.af_results).toMatchObject({ dataAsOf: '2025-11-01', stale: true });
      expect(body.data.sources.af_providers).toMatchObject({ dataAsOf: '2026-11-22', ageDays: 1, stale: false });
      expect(body.data.stale).toBe(true);
      expect(body.sync).toEqual({ configured: true, lastCheckedAt: '2026-11-23T06:00:02Z', sources: 2, failing: 1 });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1:9');
    } finally {
      t.close();
    }
  });

  it('/healthz on an empty directory: up, but its data is stale', async () => {
    const t = await testApp();
    try {
      const body = (await (await t.app.request('/healthz')).json()) as any;
      expect(body).toMatchObject({ status: 'ok', data: { stale: true, sources: {} }, sync: { configured: false, failing: 0 } });
    } finally {
      t.close();
    }
  });

  it('the dashboard shows the age per source, marks old data, and lists the failing sync sources with their error', async () => {
    const t = await reviewTestApp({ seed: seedImports, env: { AF_DATA_MAX_AGE_DAYS: '70', AF_FILES_URL: 'http://127.0.0.1:9/filer' } });
    try {
      const officer = await signedIn(t, OFFICER);
      const html = await (await officer.get('/review')).text();
      expect(html).toContain('Uppgifternas ålder');
      expect(html).toContain('Arbetsförmedlingens betygsfil');
      expect(html).toContain('betyg-rusta-och-matcha-september-2026.xlsx');
      expect(html).toContain('83 dagar');
      expect(html).toContain('gammal');
      expect(html).toContain('http://127.0.0.1:9/filer/resultat-november-2026.xlsx');
      expect(html).toContain('import_failed: truncated workbook');
      const en = await (await officer.get('/en/review')).text();
      expect(en).toContain('Age of the data');
      expect(en).toContain('83 days');
    } finally {
      t.close();
    }
  });
});
