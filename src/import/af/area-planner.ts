/**
 * Delivery areas named in AF's files, matched by name (case- and diacritics-insensitive,
 * RoM2 before older generations). An unknown name becomes a new RoM2 area whose source is
 * the file name and whose municipalities stay unknown (no membership rows are invented).
 * The AF region is recorded on an area that has none.
 */
import { eq } from 'drizzle-orm';
import { foldForSearch } from '../../lib/text-fold';
import { deliveryAreas } from '../../db/schema';
import type { Db } from '../../db/types';
import { count, type ImportReport } from '../report';
import { nextId } from '../next-id';

export interface AreaPlanner {
  /** The area id for a name (existing or planned). */
  idFor(name: string, afRegion: string | null): number;
  /** Insert/update statements for new areas and newly learnt AF regions. */
  statements(): unknown[];
}

/**
 * Loads the areas; `asOf` (YYYY-MM-DD) skips areas that had ended by then, `service` limits
 * matching to one generation (af-areas reads RoM2's document, so a pilot area of the same name
 * must not take its municipalities).
 */
export async function planAreas(db: Db, report: ImportReport, asOf: string, service?: string): Promise<AreaPlanner> {
  const rows = (await db.select().from(deliveryAreas)).filter((a) => service === undefined || a.service === service);
  const rank = (s: string) => (s === 'rom2' ? 0 : s === 'rom1' ? 1 : 2);
  const byName = new Map<string, { id: number; afRegion: string | null; name: string; isNew: boolean }>();
  for (const a of [...rows].sort((x, y) => rank(x.service) - rank(y.service) || x.id - y.id)) {
    if (a.validTo && a.validTo < asOf) continue;
    const key = foldForSearch(a.name);
    if (!byName.has(key)) byName.set(key, { id: a.id, afRegion: a.afRegion, name: a.name, isNew: false });
  }
  let next = await nextId(db, deliveryAreas);
  const regionUpdates = new Map<number, string>();
  return {
    idFor(name, afRegion) {
      const key = foldForSearch(name);
      let a = byName.get(key);
      if (!a) {
        a = { id: next++, afRegion, name: name.trim(), isNew: true };
        byName.set(key, a);
        report.newAreas.push(a.name);
        count(report, 'deliveryAreas', 'created');
        return a.id;
      }
      if (afRegion && !a.afRegion) {
        a.afRegion = afRegion;
        if (!a.isNew) regionUpdates.set(a.id, afRegion);
      } else if (afRegion && a.afRegion && foldForSearch(afRegion) !== foldForSearch(a.afRegion)) {
        const w = `delivery area "${a.name}" is in AF region "${a.afRegion}", the file says "${afRegion}"; kept "${a.afRegion}"`;
        if (!report.warnings.includes(w)) report.warnings.push(w);
      }
      return a.id;
    },
    statements() {
      const out: unknown[] = [];
      for (const a of byName.values()) {
        if (a.isNew) {
          out.push(db.insert(deliveryAreas).values({ id: a.id, name: a.name, afRegion: a.afRegion, service: 'rom2', source: report.fileName }));
        }
      }
      for (const [id, region] of regionUpdates) {
        out.push(db.update(deliveryAreas).set({ afRegion: region }).where(eq(deliveryAreas.id, id)));
        count(report, 'deliveryAreas', 'updated');
      }
      return out;
    },
  };
}
