/**
 * Imports RoM 2's delivery areas and the municipalities each one covers (`--kind af-areas`),
 * from a table made from AF's delivery-area document (see read-areas.ts for the columns).
 *
 * - Areas are matched by name among RoM 2 areas (created when unknown, with the AF region).
 * - Each membership (area, municipality, valid from) keeps its basis: 'af_document' unless
 *   the file says 'inferred' (free text after a colon is kept, e.g. "inferred: from ratings").
 * - A municipality the file places in areas as of a date leaves the RoM 2 areas it is no
 *   longer listed in on that date (valid_to), so a redrawn map never leaves both in force;
 *   a municipality may belong to several areas at once (Stockholm after the split).
 * - A row whose municipality or area cannot be identified is rejected and named.
 * One batch, all or nothing, idempotent.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { deliveryAreaMunicipalities, deliveryAreas, importRuns, municipalities } from '../../../db/schema';
import type { Db } from '../../../db/types';
import { planAreas } from '../area-planner';
import { municipalityNameKeys, readAreaFile, sheetsOf } from './read-areas';
import { applyPublicationDate } from '../publication-date';
import { commit, recordFailedRun } from '../import-runs';
import { count, emptyReport, type ImportReport } from '../../report';
import { mustFail, rejectedRows } from '../must-fail';
import { nextId } from '../../next-id';
import { sha256Hex } from '../../../lib/sha256';
import { parseDate } from '../cells';
import type { Workbook } from '../../sheet';
import type { FileImporter, FileInput } from '../../import-input';
import { looksLikeXlsx, readWorkbook } from '../open-workbook';

export interface AfAreasInput extends FileInput {
  /** The parsed workbook (xlsx), its read error, or null for CSV text. */
  workbook: Workbook | { error: string } | null;
}

/** 'af_document' | 'inferred' | 'demo', optionally with ": detail"; anything else counts as inferred. */
function basisOf(raw: string): { basis: string; odd: boolean } {
  const s = raw.trim();
  if (!s) return { basis: 'af_document', odd: false };
  const m = /^(af_document|inferred|demo)\b\s*(?::\s*(.*))?$/i.exec(s);
  if (m) return { basis: m[2] ? `${m[1].toLowerCase()}: ${m[2]}` : m[1].toLowerCase(), odd: false };
  return { basis: `inferred: ${s}`, odd: true };
}

/** Imports a delivery-area membership file; see docs/af-import.md. */
export async function importAfAreas(db: Db, input: AfAreasInput): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const report = emptyReport('af-areas', input.fileName, await sha256Hex(input.bytes), '');
  if (input.workbook && 'error' in input.workbook) {
    report.errors.push({ line: 0, field: '', message: `not a readable .xlsx workbook: ${input.workbook.error}` });
    return recordFailedRun(db, report, startedAt);
  }
  const sheets = sheetsOf(input.workbook, input.bytes, input.fileName);
  if ('error' in sheets) {
    report.errors.push({ line: 0, field: '', message: sheets.error });
    return recordFailedRun(db, report, startedAt);
  }
  const read = readAreaFile(sheets);
  report.rowsRead = read.rowsRead;
  report.warnings.push(...read.warnings);
  report.errors.push(...read.errors);

  // Municipalities by code and by name.
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const m of await db.select({ code: municipalities.code, name: municipalities.name, key: municipalities.searchKey }).from(municipalities)) {
    byCode.set(m.code, m.name);
    byName.set(m.key, m.code);
  }
  type Row = { line: number; where: string; code: string; area: string; region: string | null; validFrom: string | null; basis: string };
  const rows: Row[] = [];
  for (const r of read.rows) {
    const reject = (field: string, message: string) => report.errors.push({ line: r.line, where: r.where, field, message });
    const digits = r.municipality.replace(/\s/g, '');
    const code = /^\d{3,4}$/.test(digits) ? digits.padStart(4, '0') : municipalityNameKeys(r.municipality).map((k) => byName.get(k)).find(Boolean);
    if (!r.municipality) reject('municipality', 'is required');
    else if (!code || !byCode.has(code)) reject('municipality', `"${r.municipality}" is not a Swedish municipality (code or name)`);
    else if (!r.area) reject('delivery area', 'is required');
    else {
      let validFrom: string | null = null;
      if (r.validFrom !== null && r.validFrom !== '') {
        const d = parseDate(r.validFrom);
        if (d) validFrom = d;
        else report.warnings.push(`${r.where}, row ${r.line}: valid from "${String(r.validFrom)}" is not a date; the file's publication date is used`);
      }
      const b = basisOf(r.basis);
      if (b.odd) report.warnings.push(`${r.where}, row ${r.line}: basis "${r.basis}" is neither af_document nor inferred; stored as "${b.basis}"`);
      rows.push({ line: r.line, where: r.where, code, area: r.area, region: r.region || null, validFrom, basis: b.basis });
    }
  }
  report.rejected = rejectedRows(report.errors);
  const latestFrom = rows.map((r) => r.validFrom).filter((d): d is string => !!d).sort().at(-1);
  applyPublicationDate(report, input.fileName, input.published, input.today, latestFrom ? [latestFrom.slice(0, 7)] : []);
  if (mustFail(report, rows.length)) return recordFailedRun(db, report, startedAt);
  const dataAsOf = report.dataAsOf;
  const runId = await nextId(db, importRuns);

  const areas = await planAreas(db, report, dataAsOf, 'rom2');
  const stored = await db
    .select({ m: deliveryAreaMunicipalities, service: deliveryAreas.service, areaName: deliveryAreas.name })
    .from(deliveryAreaMunicipalities)
    .innerJoin(deliveryAreas, eq(deliveryAreas.id, deliveryAreaMunicipalities.deliveryAreaId))
    .where(eq(deliveryAreas.service, 'rom2'));
  const key = (areaId: number, code: string) => `${areaId}|${code}`;
  const open = new Map(stored.filter((s) => s.m.validTo === null).map((s) => [key(s.m.deliveryAreaId, s.m.municipalityCode), s]));
  const statements: unknown[] = [];
  const inserts: (typeof deliveryAreaMunicipalities.$inferInsert)[] = [];
  const listed = new Map<string, { areas: Set<number>; from: string }>();
  const seen = new Set<string>();
  for (const r of rows) {
    const areaId = areas.idFor(r.area, r.region);
    const from = r.validFrom ?? dataAsOf;
    const k = key(areaId, r.code);
    const l = listed.get(r.code) ?? { areas: new Set<number>(), from };
    l.areas.add(areaId);
    if (from < l.from) l.from = from;
    listed.set(r.code, l);
    if (seen.has(k)) {
      report.warnings.push(`${r.where}, row ${r.line}: ${byCode.get(r.code)} in "${r.area}" is listed twice; counted once`);
      continue;
    }
    seen.add(k);
    const had = open.get(k);
    if (had) {
      // The same membership, still in force: only its basis can change.
      if (had.m.basis !== r.basis) {
        count(report, 'memberships', 'updated');
        statements.push(db.update(deliveryAreaMunicipalities).set({ basis: r.basis, sourceFile: input.fileName, importRunId: runId }).where(and(
          eq(deliveryAreaMunicipalities.deliveryAreaId, areaId), eq(deliveryAreaMunicipalities.municipalityCode, r.code),
          eq(deliveryAreaMunicipalities.validFrom, had.m.validFrom))));
      } else count(report, 'memberships', 'unchanged');
      continue;
    }
    count(report, 'memberships', 'created');
    inserts.push({ deliveryAreaId: areaId, municipalityCode: r.code, validFrom: from, basis: r.basis, sourceFile: input.fileName, importRunId: runId });
  }
  // Municipalities the file places elsewhere leave the RoM 2 areas it no longer lists them in.
  for (const s of stored) {
    if (s.m.validTo !== null) continue;
    const l = listed.get(s.m.municipalityCode);
    if (!l || l.areas.has(s.m.deliveryAreaId) || s.m.validFrom >= l.from) continue;
    count(report, 'memberships', 'updated');
    report.left.push(`${byCode.get(s.m.municipalityCode)} (${s.m.municipalityCode}) left "${s.areaName}" on ${l.from}`);
    statements.push(db.update(deliveryAreaMunicipalities).set({ validTo: l.from }).where(and(
      eq(deliveryAreaMunicipalities.deliveryAreaId, s.m.deliveryAreaId), eq(deliveryAreaMunicipalities.municipalityCode, s.m.municipalityCode),
      eq(deliveryAreaMunicipalities.validFrom, s.m.validFrom), isNull(deliveryAreaMunicipalities.validTo))));
  }
  const insertsStatements = [];
  for (let i = 0; i < inserts.length; i += 12) insertsStatements.push(db.insert(deliveryAreaMunicipalities).values(inserts.slice(i, i + 12)));
  const covered = new Set([...listed.keys()]);
  const inForce = new Set(stored.filter((s) => s.m.validTo === null).map((s) => s.m.municipalityCode));
  const without = [...byCode.keys()].filter((c) => !covered.has(c) && !inForce.has(c));
  if (without.length && without.length < byCode.size) {
    report.warnings.push(`${without.length} of ${byCode.size} municipalities are in no RoM 2 delivery area (not in this file, none stored); their pages say the area is not known`);
  }
  return commit(db, report, startedAt, runId, [...areas.statements(), ...statements, ...insertsStatements]);
}

/** The kind table's importer: an .xlsx file is read whole (every sheet), anything else as CSV text. */
export const importAreasFile: FileImporter = (db, input) =>
  importAfAreas(db, { ...input, workbook: looksLikeXlsx(input.bytes) ? readWorkbook(input.bytes, () => true) : null });
