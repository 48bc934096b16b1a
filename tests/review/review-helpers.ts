/**
 * Test helpers for the review workspace: the app with an officer and an admin (cheap PBKDF2 cost
 * so tests stay fast), a tiny cookie-keeping client that signs in through the real form, reads
 * CSRF tokens from pages and posts forms with a same-origin Origin header, and findings fixtures
 * written the way the crawler writes them.
 */
import { findingEvents, findings, crawlJobs, crawlSites, pageSnapshots, crawlRuns } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { createUser } from '../../src/review/auth/users';
import { testApp, type TestApp } from '../helpers/app';
import { seedDirectoryFixture } from '../helpers/directory-fixture';

export const TEST_ITERATIONS = 1000;
export const OFFICER = { email: 'olga.officer@af.example', password: 'officer-password-123', name: 'Olga Officer' };
export const OFFICER2 = { email: 'kalle.kollega@af.example', password: 'colleague-password-123', name: 'Kalle Kollega' };
export const ADMIN = { email: 'adam.admin@af.example', password: 'admin-password-1234', name: 'Adam Admin' };

export interface ReviewTestApp extends TestApp {
  officerId: number;
  officer2Id: number;
  adminId: number;
}

/** The app over the fixture directory with three accounts. */
export async function reviewTestApp(opts: { seed?: (db: Db) => Promise<void>; env?: Record<string, string>; dbUrl?: string } = {}): Promise<ReviewTestApp> {
  const t = await testApp({
    env: opts.env,
    dbUrl: opts.dbUrl,
    seed: async (db) => {
      await seedDirectoryFixture(db);
      if (opts.seed) await opts.seed(db);
    },
  });
  const now = t.now.value;
  const mk = (u: typeof OFFICER, role: 'officer' | 'admin') => createUser(t.db, { email: u.email, displayName: u.name, role, password: u.password, actor: 'cli', now, iterations: TEST_ITERATIONS });
  const officerId = (await mk(OFFICER, 'officer')).id;
  const officer2Id = (await mk(OFFICER2, 'officer')).id;
  const adminId = (await mk(ADMIN, 'admin')).id;
  return { ...t, officerId, officer2Id, adminId };
}

/** A cookie-keeping client for `app.request`. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly origin = 'http://localhost',
  ) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** GET with cookies. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.t.app.request(path, { headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** POST a form with cookies and (unless overridden; '' = omitted) a same-origin Origin header. */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.t.app.request(path, {
      method: 'POST',
      body: body.toString(),
      // An empty header value means "do not send this header".
      headers: Object.fromEntries(Object.entries({ 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), origin: this.origin, ...headers }).filter(([, v]) => v !== '')),
    });
    this.remember(res);
    return res;
  }

  /** The CSRF token from the first form of the page at `path`. */
  async csrf(path = '/review'): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${path}`);
    return m[1];
  }

  /** POST a form with this session's CSRF token (read from `tokenFrom`). */
  async postForm(path: string, form: Record<string, string | string[]>, tokenFrom = '/review'): Promise<Response> {
    return this.post(path, { _csrf: await this.csrf(tokenFrom), ...form });
  }

  /** Signs in through the form; returns the POST response. */
  async login(email: string, password: string, loginPath = '/review/login'): Promise<Response> {
    const html = await (await this.get(loginPath)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    return this.post(loginPath, { _csrf: token, email, password });
  }
}

/** A client signed in as `who`. */
export async function signedIn(t: TestApp, who: { email: string; password: string }): Promise<Client> {
  const c = new Client(t);
  const res = await c.login(who.email, who.password);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return c;
}

export interface FindingSeed {
  id: number;
  status?: string;
  severity?: string;
  ruleId?: string;
  providerId?: number | null;
  firstSeenAt?: string;
  url?: string;
  match?: string;
  context?: string;
  dismissedReason?: string | null;
  certainty?: 'certain' | 'possible';
  possibleReason?: 'model_only' | 'lead_clause' | 'speaker_unclear';
  confidence?: number;
}

/**
 * Findings as the crawler stores them: a site, a job, two snapshots of the page (for the diff),
 * one finding per seed with its 'created' event.
 */
export async function seedFindings(db: Db, seeds: FindingSeed[], page: { url?: string; oldText?: string; newText?: string; title?: string } = {}): Promise<{ jobId: number; siteId: number }> {
  const url = page.url ?? 'https://www.alfa.example.se/kampanj';
  const [site] = await db.insert(crawlSites).values({ providerId: 1, origin: new URL(url).origin, startUrl: url, lastCrawlAt: '2026-11-20T08:00:00.000Z' }).returning({ id: crawlSites.id });
  const [job] = await db.insert(crawlJobs).values({ siteId: site.id, url, discoveredVia: 'start', nextDueAt: '2026-11-27T08:00:00.000Z', lastStatus: 'ok', lastFetchedAt: '2026-11-20T08:00:00.000Z' }).returning({ id: crawlJobs.id });
  const [run] = await db.insert(crawlRuns).values({ trigger: 'cli', owner: 'test', startedAt: '2026-11-20T08:00:00.000Z', finishedAt: '2026-11-20T08:01:00.000Z', pagesFetched: 1, findingsNew: seeds.length }).returning({ id: crawlRuns.id });
  const [s1] = await db
    .insert(pageSnapshots)
    .values({ jobId: job.id, url, fetchedAt: '2026-11-13T08:00:00.000Z', httpStatus: 200, contentHash: 'old', htmlBytes: 100, title: page.title ?? 'Kampanj', text: page.oldText ?? 'Välkommen\nVi hjälper dig att hitta jobb.\nKontakta oss.' })
    .returning({ id: pageSnapshots.id });
  const [s2] = await db
    .insert(pageSnapshots)
    .values({ jobId: job.id, url, fetchedAt: '2026-11-20T08:00:00.000Z', httpStatus: 200, contentHash: 'new', htmlBytes: 120, title: page.title ?? 'Kampanj', text: page.newText ?? 'Välkommen\nVälj oss och få ett presentkort på 500 kr!\nKontakta oss.', crawlRunId: run.id })
    .returning({ id: pageSnapshots.id });
  for (const s of seeds) {
    const first = s.firstSeenAt ?? '2026-11-20T08:00:00.000Z';
    await db.insert(findings).values({
      id: s.id,
      fingerprint: `fp-${s.id}`,
      ruleId: s.ruleId ?? 'R22-INDUCEMENT',
      severity: s.severity ?? 'high',
      providerId: s.providerId === undefined ? 1 : s.providerId,
      siteId: site.id,
      jobId: job.id,
      url: s.url ?? url,
      status: s.status ?? 'open',
      match: s.match ?? 'presentkort',
      context: s.context ?? 'Välj oss och få ett presentkort på 500 kr!',
      start: 10,
      end: 21,
      line: 3,
      column: 5,
      message: 'Gift to choose',
      rulesetVersion: '2026.11.1',
      firstSeenAt: first,
      lastSeenAt: '2026-11-20T08:00:00.000Z',
      firstSnapshotId: s1.id,
      lastSnapshotId: s2.id,
      lastCrawlRunId: run.id,
      dismissedReason: s.dismissedReason ?? null,
      certainty: s.certainty ?? 'certain',
      possibleReason: s.possibleReason ?? null,
      confidence: s.confidence ?? 1,
    });
    await db.insert(findingEvents).values({ findingId: s.id, at: first, actor: 'crawler', kind: 'created', toStatus: 'open', crawlRunId: run.id });
  }
  return { jobId: job.id, siteId: site.id };
}
