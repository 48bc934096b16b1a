/**
 * Demo evidence for the review workspace: fictional web pages for some demo providers, checked by
 * the real rule engine and stored exactly as a crawl would store them (site, page job, snapshot,
 * findings with their events, a crawl run). The pages live under the reserved `.example` name
 * and their sites are disabled, so nothing is ever fetched. Deterministic for a given seed.
 */
import { asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { crawlJobs, crawlRuns, crawlSites, findings, pageSnapshots, providers } from '../db/schema';
import { htmlDocument } from '../compliance/extract-html';
import { runDocument } from '../compliance/engine';
import type { Ruleset } from '../compliance/ruleset';
import { recordPageFindings } from '../crawler/findings-store';
import { providerFacts } from '../crawler/provider-facts';
import { snapshotText } from '../compliance/snapshot-text';
import { sha256Hex } from '../lib/content-hash';
import { createRandom } from './random';

/** Ordinary, compliant provider copy. */
const PLAIN = [
  'Vi hjälper dig att skriva CV och personligt brev som visar vad du kan.',
  'Tillsammans tar vi fram en plan mot jobb eller studier utifrån dina mål.',
  'Du träffar din handledare varannan vecka, och vi ses på kontoret minst var fjärde vecka.',
  'Vi tränar intervjuer och hjälper dig att hitta arbetsgivare som söker personal.',
  'Våra handledare talar flera språk och kan förklara på ditt modersmål.',
  'Det är Arbetsförmedlingen som avgör om du kan delta i Rusta och matcha.',
  'Vill du byta leverantör kontaktar du Arbetsförmedlingen.',
  'Tjänsten är kostnadsfri för dig som deltar.',
];

/** Copy that breaks chapter 22, as seen in the news cases and the catalogue. */
const RISKY = [
  'Välj oss som leverantör och få ett presentkort på 500 kr!',
  'Garanterat jobb inom 90 dagar – eller pengarna tillbaka.',
  'Sveriges bästa Rusta och matcha-leverantör.',
  'I samarbete med Arbetsförmedlingen erbjuder vi dig en plats direkt.',
  'Tipsa en vän som väljer oss – ni får 300 kr var.',
  'Sista dagen att välja oss – bestäm dig idag!',
  'Hos oss finns inga krav, kom när du vill.',
  'Rekommenderad av Arbetsförmedlingen.',
  'Alla nya deltagare får en surfplatta att behålla.',
  '4 stjärnor hos Arbetsförmedlingen – bäst i regionen!',
];

function page(name: string, sentences: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${esc(name)} – Rusta och matcha</title></head><body>
<header><nav aria-label="Meny"><a href="/">Start</a> <a href="/tjanster">Tjänster</a> <a href="/kontakt">Kontakt</a></nav></header>
<main><h1>Rusta och matcha hos ${esc(name)}</h1>
${sentences.map((s) => `<p>${esc(s)}</p>`).join('\n')}
</main><footer><p>${esc(name)} · Organisationsnummer finns på vår kontaktsida.</p></footer></body></html>`;
}

/**
 * Seeds demo findings once (when the database has none): `pages` providers with a website get one
 * start page each, about half with risky copy. Returns the number of findings created.
 */
export async function seedDemoFindings(db: Db, ruleset: Ruleset, opts: { now: Date; pages?: number; seed?: number }): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(findings);
  if (n > 0) return 0;
  const rnd = createRandom(opts.seed ?? 20_261_123);
  const chosen = await db
    .select({ id: providers.id, name: providers.displayName, website: providers.website })
    .from(providers)
    .where(isNotNull(providers.website))
    .orderBy(asc(providers.id))
    .limit(opts.pages ?? 40);
  const at = opts.now.toISOString();
  const [run] = await db.insert(crawlRuns).values({ trigger: 'demo', owner: 'demo-seed', startedAt: at, finishedAt: at, notes: 'Demo evidence: fictional pages, never fetched' }).returning({ id: crawlRuns.id });
  let created = 0;
  let pagesDone = 0;
  for (const p of chosen) {
    const url = `${new URL(/^https?:\/\//.test(p.website!) ? p.website! : `https://${p.website}`).origin}/`;
    const sentences = [rnd.pick(PLAIN), rnd.pick(PLAIN)];
    if (rnd.chance(0.55)) sentences.splice(1, 0, rnd.pick(RISKY));
    if (rnd.chance(0.2)) sentences.push(rnd.pick(RISKY));
    const html = page(p.name, sentences);
    // A disabled site: the crawler never claims its jobs, so the fictional host is never contacted.
    const [site] = await db.insert(crawlSites).values({ providerId: p.id, origin: new URL(url).origin, startUrl: url, enabled: false }).returning({ id: crawlSites.id });
    const hash = await sha256Hex(html);
    const [job] = await db
      .insert(crawlJobs)
      .values({ siteId: site.id, url, depth: 0, discoveredVia: 'start', nextDueAt: '9999-12-31T00:00:00.000Z', lastStatus: 'ok', lastHttpStatus: 200, lastFetchedAt: at, contentHash: hash })
      .returning({ id: crawlJobs.id });
    const doc = htmlDocument(html);
    const hits = runDocument(ruleset, doc, { pageUrl: url, provider: await providerFacts(db, p.id) });
    const [snap] = await db
      .insert(pageSnapshots)
      .values({ jobId: job.id, url, fetchedAt: at, httpStatus: 200, contentHash: hash, htmlBytes: html.length, title: `${p.name} – Rusta och matcha`, text: snapshotText(doc), crawlRunId: run.id })
      .returning({ id: pageSnapshots.id });
    const changes = await recordPageFindings(db, { jobId: job.id, siteId: site.id, providerId: p.id, url, snapshotId: snap.id, crawlRunId: run.id, now: at, findings: hits });
    created += changes.created;
    pagesDone++;
  }
  await db.update(crawlRuns).set({ pagesFetched: pagesDone, findingsNew: created }).where(eq(crawlRuns.id, run.id));
  return created;
}
