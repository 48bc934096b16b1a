/**
 * Changes to existing providers collected across one AF import: the name AF used (kept as
 * name variants over time: seen_from/seen_to, the current name on the provider) and the
 * first/last-seen dates. Names are compared case- and diacritics-insensitively, so
 * "EXEMPEL AB" and "Exempel AB" are one name. An older file never replaces a newer name.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { foldForSearch } from '../../lib/text-fold';
import { providerNameVariants, providers } from '../../db/schema';
import type { Db } from '../../db/types';
import { chunked } from '../../lib/chunked';
import { count, type ImportReport } from '../report';
import { earlier, later } from './iso-dates';

type ProviderRow = typeof providers.$inferSelect;
type VariantRow = typeof providerNameVariants.$inferSelect;

export interface ProviderUpdates {
  /** Notes that the provider appeared in the file under `name` (first name per provider wins). */
  seen(providerId: number, name: string | null): void;
  /** Sets fields from the file (e.g. website); compared before writing. */
  set(providerId: number, fields: Partial<Pick<ProviderRow, 'website' | 'legalForm' | 'isSoleTrader'>>): void;
  provider(providerId: number): ProviderRow | undefined;
  statements(): unknown[];
}

/** Loads the providers (and their name variants) the import will touch. */
export async function planProviderUpdates(db: Db, report: ImportReport, ids: number[], dataAsOf: string, source: string): Promise<ProviderUpdates> {
  const rows = new Map<number, ProviderRow>();
  const variants = new Map<number, VariantRow[]>();
  for (const group of chunked([...new Set(ids)])) {
    for (const p of await db.select().from(providers).where(inArray(providers.id, group))) rows.set(p.id, p);
    for (const v of await db.select().from(providerNameVariants).where(inArray(providerNameVariants.providerId, group))) {
      variants.set(v.providerId, [...(variants.get(v.providerId) ?? []), v]);
    }
  }
  const names = new Map<number, string>();
  const fields = new Map<number, Partial<ProviderRow>>();
  return {
    seen(id, name) {
      if (!rows.has(id)) return;
      if (!name) {
        if (!names.has(id)) names.set(id, '');
        return;
      }
      const had = names.get(id);
      if (!had) names.set(id, name);
      else if (foldForSearch(had) !== foldForSearch(name)) {
        report.warnings.push(`provider ${id} appears as "${had}" and "${name}" in this file; "${had}" was used`);
      }
    },
    set(id, f) {
      fields.set(id, { ...(fields.get(id) ?? {}), ...f });
    },
    provider: (id) => rows.get(id),
    statements() {
      const out: unknown[] = [];
      for (const [id, name] of names) {
        const p = rows.get(id)!;
        const patch: Partial<ProviderRow> = {};
        for (const [k, v] of Object.entries(fields.get(id) ?? {})) {
          if (v !== undefined && (p as Record<string, unknown>)[k] !== v) (patch as Record<string, unknown>)[k] = v;
        }
        if (p.lastSeen < dataAsOf) patch.lastSeen = later(p.lastSeen, dataAsOf);
        if (p.firstSeen > dataAsOf) patch.firstSeen = earlier(p.firstSeen, dataAsOf);
        const vs = variants.get(id) ?? [];
        const open = vs.find((v) => v.seenTo === null) ?? { name: p.displayName, seenFrom: p.firstSeen };
        let renamed = false;
        if (name && foldForSearch(name) !== foldForSearch(open.name)) {
          const same = vs.find((v) => foldForSearch(v.name) === foldForSearch(name));
          if (dataAsOf >= open.seenFrom) {
            renamed = true;
            patch.displayName = same?.name ?? name;
            out.push(db.update(providerNameVariants).set({ seenTo: dataAsOf })
              .where(and(eq(providerNameVariants.providerId, id), isNull(providerNameVariants.seenTo))));
            if (same) out.push(db.update(providerNameVariants).set({ seenTo: null }).where(eq(providerNameVariants.id, same.id)));
            else out.push(db.insert(providerNameVariants).values({ providerId: id, name, seenFrom: dataAsOf, source }));
          } else if (!same) {
            // An older file: its name goes into the history, before the current one.
            renamed = true;
            out.push(db.insert(providerNameVariants).values({ providerId: id, name, seenFrom: dataAsOf, seenTo: open.seenFrom, source }));
          }
        }
        if (Object.keys(patch).length > 0) out.push(db.update(providers).set(patch).where(eq(providers.id, id)));
        if (renamed || Object.keys(patch).length > 0) count(report, 'providers', 'updated');
        else count(report, 'providers', 'unchanged');
      }
      return out;
    },
  };
}
