/**
 * Who each entry of AF's chooser list is, among the providers already stored — including
 * those AF's rating and results files created by name only (no organisation number).
 *
 * In order: (1) the organisation number; (2) the AF id from an earlier chooser list; (3) the
 * contract whose KA number is the AF id; (4) the normalised name (providerNameKey), taken
 * only when exactly one provider has it. A name-only provider found by (2)–(4) gets the
 * entry's organisation number attached; when another provider already has that number, the
 * name-only one is merged into it (contracts, offices, names, AF ids and other references
 * move; the row is deleted). Each attach or merge is recorded in provider_merges and
 * reported under "merges". An entry that matches nothing creates a provider — with its
 * organisation number, or by name only when the list gave none.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { maskOrgnr } from '../../../lib/orgnr';
import { contracts, externalIds, providerMerges, providerNameVariants, providers } from '../../../db/schema';
import type { Db } from '../../../db/types';
import { chunked } from '../../../lib/chunked';
import { count, type ImportReport } from '../../report';
import { nextId } from '../../next-id';
import { insertStatements } from '../../../db/insert-rows';
import type { ChooserEntry } from './read-chooser';
import { providerNameKey } from '../provider-name-key';

type ProviderRow = typeof providers.$inferSelect;

export interface ChooserIdentity {
  providerOf: Map<ChooserEntry, number>;
  /** Providers this list creates, by orgnr digits or "name:<key>". */
  created: Map<string, { id: number; name: string; orgnr: string | null }>;
  knownIds: Map<string, typeof externalIds.$inferSelect>;
  /** Contracts whose KA number equals an entry's AF id. */
  byKa: Map<string, typeof contracts.$inferSelect>;
  /** The provider an id ends up as after this import's merges. */
  finalProvider(id: number): number;
  /** Provider ids merged away by this import. */
  mergedAway: Set<number>;
  statements: unknown[];
}

/** Resolves every entry to a provider id and plans the inserts, attaches and merges. */
export async function resolveChooserProviders(
  db: Db,
  report: ImportReport,
  entries: ChooserEntry[],
  ctx: { dataAsOf: string; source: string; runId: number },
): Promise<ChooserIdentity> {
  const byOrgnr = new Map<string, ProviderRow>();
  for (const group of chunked([...new Set(entries.flatMap((e) => (e.orgnr ? [e.orgnr.digits] : [])))])) {
    for (const p of await db.select().from(providers).where(inArray(providers.orgnr, group))) byOrgnr.set(p.orgnr!, p);
  }
  const knownIds = new Map<string, typeof externalIds.$inferSelect>();
  for (const group of chunked(entries.map((e) => e.id))) {
    const rows = await db.select().from(externalIds)
      .where(and(eq(externalIds.system, 'af_search'), eq(externalIds.entity, 'provider'), inArray(externalIds.externalId, group)));
    for (const r of rows) knownIds.set(r.externalId, r);
  }
  const byKa = new Map<string, typeof contracts.$inferSelect>();
  for (const group of chunked(entries.map((e) => e.id.toUpperCase()))) {
    for (const c of await db.select().from(contracts).where(inArray(contracts.kaNumber, group))) byKa.set(c.kaNumber, c);
  }
  // Every provider by id (the list touches most of them), and names → ids.
  const all = new Map<number, ProviderRow>();
  for (const p of await db.select().from(providers)) all.set(p.id, p);
  const names = new Map<string, Set<number>>();
  const addName = (name: string, id: number) => {
    const k = providerNameKey(name);
    if (k) names.set(k, (names.get(k) ?? new Set()).add(id));
  };
  for (const p of all.values()) addName(p.displayName, p.id);
  for (const v of await db.select({ id: providerNameVariants.providerId, name: providerNameVariants.name }).from(providerNameVariants)) addName(v.name, v.id);

  const statements: unknown[] = [];
  const newProviders: Record<string, unknown>[] = [];
  const newVariants: Record<string, unknown>[] = [];
  const providerOf = new Map<ChooserEntry, number>();
  const created = new Map<string, { id: number; name: string; orgnr: string | null }>();
  const mergedInto = new Map<number, number>();
  const attached = new Map<number, string>();
  let nextProviderId = await nextId(db, providers);
  const finalProvider = (id: number) => {
    let cur = id;
    while (mergedInto.has(cur)) cur = mergedInto.get(cur)!;
    return cur;
  };
  const orgnrOf = (id: number) => attached.get(id) ?? all.get(id)?.orgnr ?? [...created.values()].find((c) => c.id === id)?.orgnr ?? null;
  const nameOnly = (id: number | undefined) => id !== undefined && all.has(id) && !mergedInto.has(id) && orgnrOf(id) === null;
  const record = (from: number, into: number, basis: string, detail: string) => {
    statements.push(db.insert(providerMerges).values({ fromProviderId: from, intoProviderId: into, basis, detail, mergedAt: ctx.dataAsOf, importRunId: ctx.runId }));
    report.merges.push(detail);
    count(report, 'providerMerges', 'created');
  };

  // The name-only provider an entry points to, and how it was found.
  const nameOnlyMatch = (e: ChooserEntry): { id: number; basis: string; how: string } | null => {
    const viaId = knownIds.get(e.id);
    if (viaId && nameOnly(Number(viaId.entityId))) return { id: Number(viaId.entityId), basis: 'chooser_id', how: `AF id ${e.id} seen before` };
    const c = byKa.get(e.id.toUpperCase());
    if (c && nameOnly(finalProvider(c.providerId))) return { id: finalProvider(c.providerId), basis: 'ka_number', how: `AF id ${e.id} = KA ${c.kaNumber}` };
    const ids = [...(names.get(providerNameKey(e.name)) ?? [])].map(finalProvider).filter((id, i, xs) => xs.indexOf(id) === i);
    const candidates = ids.filter(nameOnly);
    if (candidates.length === 1 && ids.length === 1) return { id: candidates[0], basis: 'name', how: `the same name "${e.name}"` };
    return null;
  };

  const merge = (from: number, into: number, basis: string, how: string) => {
    const q = all.get(from)!;
    mergedInto.set(from, into);
    const target = all.get(into)?.displayName ?? [...created.values()].find((c) => c.id === into)?.name ?? String(into);
    const orgnr = orgnrOf(into);
    record(from, into, basis, `"${q.displayName}" (known by name only, provider ${from}) merged into "${target}"${orgnr ? ` (${maskOrgnr(orgnr)})` : ''}: ${how}`);
    // Names move as history (closed), references follow, the row goes.
    statements.push(
      db.update(providerNameVariants).set({ seenTo: ctx.dataAsOf }).where(and(eq(providerNameVariants.providerId, from), isNull(providerNameVariants.seenTo))),
      db.run(sql`UPDATE OR IGNORE provider_name_variants SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`DELETE FROM provider_name_variants WHERE provider_id = ${from}`),
      db.run(sql`UPDATE contracts SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`UPDATE offices SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`UPDATE OR IGNORE provider_claims SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`DELETE FROM provider_claims WHERE provider_id = ${from}`),
      db.run(sql`UPDATE crawl_sites SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`UPDATE findings SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`UPDATE api_keys SET provider_id = ${into} WHERE provider_id = ${from}`),
      db.run(sql`UPDATE external_ids SET entity_id = ${String(into)} WHERE entity = 'provider' AND entity_id = ${String(from)}`),
      db.run(sql`UPDATE providers SET first_seen = min(first_seen, ${q.firstSeen}) WHERE id = ${into}`),
      db.run(sql`DELETE FROM providers WHERE id = ${from}`),
    );
  };

  for (const e of entries) {
    if (e.orgnr) {
      const digits = e.orgnr.digits;
      const holder = byOrgnr.get(digits)?.id ?? [...attached].find(([, d]) => d === digits)?.[0] ?? created.get(digits)?.id;
      const q = nameOnlyMatch(e);
      if (holder !== undefined) {
        providerOf.set(e, holder);
        if (q && q.id !== holder) merge(q.id, holder, q.basis, q.how);
        continue;
      }
      if (q) {
        // A name-only provider is this organisation: attach the number to it.
        attached.set(q.id, digits);
        statements.push(db.update(providers).set({ orgnr: digits, legalForm: e.orgnr.legalForm, isSoleTrader: e.orgnr.isSoleTrader }).where(eq(providers.id, q.id)));
        record(q.id, q.id, q.basis, `"${all.get(q.id)!.displayName}" (known by name only, provider ${q.id}) identified as ${maskOrgnr(digits)}: ${q.how}`);
        providerOf.set(e, q.id);
        continue;
      }
      const c = { id: nextProviderId++, name: e.name, orgnr: digits };
      created.set(digits, c);
      providerOf.set(e, c.id);
      count(report, 'providers', 'created');
      newProviders.push({ id: c.id, orgnr: digits, legalForm: e.orgnr.legalForm, isSoleTrader: e.orgnr.isSoleTrader, displayName: e.name, website: e.website ?? null, firstSeen: ctx.dataAsOf, lastSeen: ctx.dataAsOf });
      newVariants.push({ providerId: c.id, name: e.name, seenFrom: ctx.dataAsOf, source: ctx.source });
      continue;
    }
    // No organisation number in the list: AF id, KA number, then name (any provider).
    const viaId = knownIds.get(e.id);
    if (viaId && all.has(Number(viaId.entityId))) {
      providerOf.set(e, finalProvider(Number(viaId.entityId)));
      continue;
    }
    const c = byKa.get(e.id.toUpperCase());
    if (c) {
      const pid = finalProvider(c.providerId);
      providerOf.set(e, pid);
      if (nameOnly(pid)) record(pid, pid, 'ka_number', `chooser entry "${e.name}" linked to "${all.get(pid)!.displayName}" (known by name only, provider ${pid}): AF id ${e.id} = KA ${c.kaNumber}`);
      continue;
    }
    const ids = [...new Set([...(names.get(providerNameKey(e.name)) ?? [])].map(finalProvider))];
    if (ids.length === 1) {
      providerOf.set(e, ids[0]);
      record(ids[0], ids[0], 'name', `chooser entry "${e.name}" (AF id ${e.id}, no organisation number) linked to provider ${ids[0]} by its name`);
      continue;
    }
    if (ids.length > 1) {
      report.unmatched.push({ line: e.line, where: e.where, kind: 'provider', key: e.id, message: `"${e.name}" has no organisation number and its name matches ${ids.length} providers; skipped` });
      continue;
    }
    const key = `name:${providerNameKey(e.name)}`;
    let made = created.get(key);
    if (!made) {
      made = { id: nextProviderId++, name: e.name, orgnr: null };
      created.set(key, made);
      count(report, 'providers', 'created');
      report.warnings.push(`entry ${e.line} (${e.where}): "${e.name}" has no organisation number (no detail record); created by name only`);
      newProviders.push({ id: made.id, orgnr: null, legalForm: null, isSoleTrader: false, displayName: e.name, website: e.website ?? null, firstSeen: ctx.dataAsOf, lastSeen: ctx.dataAsOf });
      newVariants.push({ providerId: made.id, name: e.name, seenFrom: ctx.dataAsOf, source: ctx.source });
    }
    providerOf.set(e, made.id);
  }
  // Entries resolved before a later merge moved their provider.
  for (const [e, id] of providerOf) providerOf.set(e, finalProvider(id));
  // New providers first: merges and later statements refer to them.
  statements.unshift(...insertStatements(db, providers, newProviders), ...insertStatements(db, providerNameVariants, newVariants));
  return { providerOf, created, knownIds, byKa, finalProvider, mergedAway: new Set(mergedInto.keys()), statements };
}
