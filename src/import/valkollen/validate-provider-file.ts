/**
 * Validates the raw records of a provider import file: every field (zod, per record kind)
 * and the rules across records and against the database (one provider record per
 * organisation, unique KA numbers, known delivery areas, KA numbers not owned by another
 * organisation). Every problem is reported with its line and field.
 */
import { eq, inArray } from 'drizzle-orm';
import { foldForSearch } from '../../lib/text-fold';
import { chunked } from '../../lib/chunked';
import { maskOrgnr } from '../../lib/orgnr';
import { contracts, deliveryAreas, languages, providers } from '../../db/schema';
import type { Db } from '../../db/types';
import type { ImportError } from '../report';
import type { RawRecord } from './provider-file-format';
import { recordSchemas, type ContractRecord, type OfficeRecord, type ProviderRecord } from './provider-records';

export interface ValidatedFile {
  providers: ProviderRecord[];
  contracts: (ContractRecord & { deliveryAreaId: number })[];
  offices: OfficeRecord[];
  errors: ImportError[];
  /** Lines of records with at least one error. */
  rejectedLines: Set<number>;
}

/** Delivery areas an import may name: current ones (no end date or ending today or later). */
async function areaLookup(db: Db, today: string): Promise<Map<string, number>> {
  const rows = await db.select().from(deliveryAreas).orderBy(deliveryAreas.id);
  const byName = new Map<string, number>();
  // RoM2 first, so its name wins over an older generation's area of the same name.
  const rank = (s: string) => (s === 'rom2' ? 0 : s === 'rom1' ? 1 : 2);
  for (const a of [...rows].sort((x, y) => rank(x.service) - rank(y.service))) {
    if (a.validTo && a.validTo < today) continue;
    const key = foldForSearch(a.name);
    if (!byName.has(key)) byName.set(key, a.id);
  }
  return byName;
}

/** Validates everything; the database is only read. */
export async function validateProviderRecords(db: Db, records: RawRecord[], today: string): Promise<ValidatedFile> {
  const errors: ImportError[] = [];
  const rejectedLines = new Set<number>();
  const fail = (line: number, field: string, message: string) => {
    errors.push({ line, field, message });
    rejectedLines.add(line);
  };
  const langs = await db.select({ code: languages.code }).from(languages);
  const schemas = recordSchemas(new Set(langs.map((l) => l.code)));
  const areas = await areaLookup(db, today);

  const out: ValidatedFile = { providers: [], contracts: [], offices: [], errors, rejectedLines };
  for (const rec of records) {
    const result = schemas[rec.kind].safeParse(rec.fields);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.') || '';
        const top = String(issue.path[0] ?? '');
        // In JSON, contracts and offices inherit orgnr from their provider, which reports it.
        if (top === 'orgnr' && rec.kind !== 'provider' && rec.fieldLines.orgnr === undefined && rec.fields.orgnr !== undefined && Object.keys(rec.fieldLines).length > 0) {
          rejectedLines.add(rec.line);
          continue;
        }
        fail(rec.fieldLines[top] ?? rec.line, field, issue.message === 'Invalid input' ? `${field} is not valid` : issue.message);
      }
      rejectedLines.add(rec.line);
      continue;
    }
    if (rec.kind === 'provider') out.providers.push({ ...(result.data as Omit<ProviderRecord, 'line'>), line: rec.line });
    else if (rec.kind === 'office') out.offices.push({ ...(result.data as Omit<OfficeRecord, 'line'>), line: rec.line });
    else {
      const c = result.data as Omit<ContractRecord, 'line'>;
      const areaId = areas.get(foldForSearch(c.delivery_area));
      if (areaId === undefined) {
        fail(rec.fieldLines.delivery_area ?? rec.line, 'delivery_area', `unknown delivery area "${c.delivery_area}"`);
        continue;
      }
      out.contracts.push({ ...c, line: rec.line, deliveryAreaId: areaId });
    }
  }

  // Across records: one provider record per organisation, references resolve, no duplicates.
  const providerLine = new Map<string, number>();
  for (const p of out.providers) {
    const seen = providerLine.get(p.orgnr.digits);
    if (seen !== undefined) fail(p.line, 'orgnr', `organisation ${maskOrgnr(p.orgnr.digits)} already has a provider record on line ${seen}`);
    else providerLine.set(p.orgnr.digits, p.line);
  }
  const orphan = (r: { orgnr: { digits: string }; line: number }, kind: string) => {
    if (providerLine.has(r.orgnr.digits)) return false;
    fail(r.line, 'orgnr', `${kind} refers to an organisation with no provider record in this file`);
    return true;
  };
  const kaLine = new Map<string, number>();
  out.contracts = out.contracts.filter((c) => {
    if (orphan(c, 'contract')) return false;
    const seen = kaLine.get(c.ka_number);
    if (seen !== undefined) {
      fail(c.line, 'ka_number', `KA number ${c.ka_number} already appears on line ${seen}`);
      return false;
    }
    kaLine.set(c.ka_number, c.line);
    return true;
  });
  const officeLine = new Map<string, number>();
  out.offices = out.offices.filter((o) => {
    if (orphan(o, 'office')) return false;
    const key = `${o.orgnr.digits}|${o.postcode}|${foldForSearch(o.street)}`;
    const seen = officeLine.get(key);
    if (seen !== undefined) {
      fail(o.line, 'street', `the same office (street and postcode) already appears on line ${seen}`);
      return false;
    }
    officeLine.set(key, o.line);
    return true;
  });

  // A KA number identifies one provider's contract: it may not move to another organisation here.
  for (const group of chunked(out.contracts)) {
    const owners = await db
      .select({ ka: contracts.kaNumber, orgnr: providers.orgnr })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(inArray(contracts.kaNumber, group.map((c) => c.ka_number)));
    const ownerOf = new Map(owners.map((o) => [o.ka, o.orgnr]));
    for (const c of group) {
      const owner = ownerOf.get(c.ka_number);
      if (owner && owner !== c.orgnr.digits) fail(c.line, 'ka_number', `KA number ${c.ka_number} belongs to another organisation`);
    }
  }
  errors.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
  return out;
}
