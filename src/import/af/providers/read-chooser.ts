/**
 * Reads the JSON behind AF's chooser ("Sök leverantör"): list pages
 * `{ total_count, leverantorer: [ { id, namn, rating, nyval_tillatet, adresser: [...] } ] }`
 * and detail records (`{ id, orgnr, hemsida, … }`), given as an array of pages/details,
 * one page object, or NDJSON (one page or detail per line). Coordinates and ratings arrive
 * as strings, websites often without a scheme.
 *
 * Only the fields Valkollen stores are copied: contact persons (kontaktperson_namn,
 * _telefon, _epost — so a malformed phone can never matter) and anything else unknown are
 * dropped here and never reach the database.
 *
 * Policy (docs/af-import.md): an entry without a usable id or name is rejected and named;
 * an impossible detail is dropped with a warning and the entry kept — coordinates outside
 * Sweden or "0"/"0" (AF's "not geocoded"), an address without street, town or a five-digit
 * postcode, an organisation number that fails its check digit, an odd nyval_tillatet.
 */
import { parseOrgnr, type Orgnr } from '../../../lib/orgnr';
import { parsePostcode } from '../../../lib/text-fold';
import type { ImportError } from '../../report';

export interface ChooserAddress {
  /** AF's adressid, or "noid:<postcode>:<street>" when AF gave none. */
  afAddressId: string;
  street: string;
  postcode: string;
  town: string;
  lat: number | null;
  lon: number | null;
}

export interface ChooserEntry {
  /** 1-based number of the entry over all pages (the row number in reports). */
  line: number;
  where: string;
  /** AF's search id, as text. */
  id: string;
  name: string;
  acceptingNew: boolean | null;
  addresses: ChooserAddress[];
  /** From the detail record, when present. */
  orgnr?: Orgnr;
  /** From the detail record: normalised https URL, null when absent or unusable; undefined = no detail. */
  website?: string | null;
}

export interface ReadChooser {
  entries: ChooserEntry[];
  rowsRead: number;
  errors: ImportError[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits the text into top-level JSON values (one document, or NDJSON). */
function documents(text: string): { values: unknown[] } | { error: ImportError } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { error: { line: 0, field: '', message: 'the file is empty' } };
  try {
    const v = JSON.parse(trimmed);
    return { values: Array.isArray(v) ? v : [v] };
  } catch (whole) {
    const lines = trimmed.split(/\r?\n/);
    if (lines.length < 2) return { error: { line: 1, field: '', message: `JSON syntax: ${(whole as Error).message}` } };
    const values: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      try {
        values.push(JSON.parse(lines[i]));
      } catch (e) {
        return { error: { line: i + 1, field: '', message: `JSON syntax on line ${i + 1} (NDJSON): ${(e as Error).message}` } };
      }
    }
    return { values };
  }
}

/** "www.exempel.se" → "https://www.exempel.se"; null when not a usable web address. */
export function normaliseWebsite(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  const s = v.trim();
  try {
    const u = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
    if (!u.hostname.includes('.') || /\s/.test(s)) return null;
    return u.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

function coordinate(v: unknown, min: number, max: number): number | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : NaN;
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

function bool(v: unknown): boolean | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1 || v === '1') return true;
  if (v === 'false' || v === 0 || v === '0') return false;
  return undefined;
}

/** Parses the chooser JSON; `errors` lists every malformed entry with its number. */
export function readChooserJson(text: string): ReadChooser {
  const out: ReadChooser = { entries: [], rowsRead: 0, errors: [], warnings: [] };
  const docs = documents(text);
  if ('error' in docs) {
    out.errors.push(docs.error);
    return out;
  }
  const raw: { obj: unknown; where: string }[] = [];
  const details = new Map<string, Obj>();
  let page = 0;
  for (const d of docs.values) {
    if (isObj(d) && Array.isArray(d.leverantorer)) {
      page++;
      d.leverantorer.forEach((obj, i) => raw.push({ obj, where: `page ${page}, entry ${i + 1}` }));
    } else if (isObj(d) && d.id !== undefined && d.id !== null) {
      details.set(String(d.id).trim(), d);
    } else {
      out.errors.push({ line: 0, field: '', where: `document ${page + details.size + 1}`, message: 'neither a list page (with "leverantorer") nor a detail record (with "id")' });
    }
  }
  // A detail record with no list entry stands for itself.
  const listed = new Set(raw.map((r) => (isObj(r.obj) && r.obj.id !== undefined ? String(r.obj.id).trim() : '')));
  for (const [id, d] of details) if (!listed.has(id)) raw.push({ obj: d, where: `detail record ${id}` });
  if (raw.length === 0 && out.errors.length === 0) out.errors.push({ line: 0, field: '', message: 'the file lists no providers' });

  const seen = new Map<string, { json: string; line: number }>();
  raw.forEach(({ obj, where }, index) => {
    const line = index + 1;
    out.rowsRead++;
    const before = out.errors.length;
    const fail = (field: string, message: string) => out.errors.push({ line, field, where, message });
    if (!isObj(obj)) {
      fail('', 'an entry must be a JSON object');
      return;
    }
    const id = obj.id === undefined || obj.id === null ? '' : String(obj.id).trim();
    const detail = { ...(details.get(id) ?? {}), ...obj };
    const name = typeof detail.namn === 'string' ? detail.namn.trim() : '';
    if (!/^[A-Za-z0-9-]{1,40}$/.test(id)) fail('id', id ? `"${id.slice(0, 60)}" is not an AF id` : `is required${name ? ` ("${name.slice(0, 80)}")` : ''}`);
    else if (!name) fail('namn', 'is required');
    else if (name.length > 200) fail('namn', 'must be at most 200 characters');
    if (out.errors.length > before) return;
    const warn = (message: string) => out.warnings.push(`entry ${line} (${where}, AF id ${id}): ${message}`);
    let accepting = bool(detail.nyval_tillatet);
    if (accepting === undefined) {
      warn(`nyval_tillatet "${String(detail.nyval_tillatet).slice(0, 40)}" is not true or false; stored as unknown`);
      accepting = null;
    }
    let orgnr: Orgnr | undefined;
    if (detail.orgnr !== undefined && detail.orgnr !== null && detail.orgnr !== '') {
      const r = parseOrgnr(String(detail.orgnr));
      if (r.ok) orgnr = r.value;
      else warn(`organisation number dropped: ${r.message}`);
    }
    let website: string | null | undefined;
    if ('hemsida' in detail) {
      website = normaliseWebsite(detail.hemsida);
      if (website === null && typeof detail.hemsida === 'string' && detail.hemsida.trim()) {
        out.warnings.push(`entry ${line} (${where}): website "${detail.hemsida}" is not a web address; not stored`);
      }
    }
    const addresses: ChooserAddress[] = [];
    const list = detail.adresser ?? [];
    if (!Array.isArray(list)) warn('"adresser" is not a list; no offices taken from this entry');
    else {
      list.forEach((a, j) => {
        const drop = (message: string) => warn(`address ${j + 1} dropped: ${message}`);
        if (!isObj(a)) return drop('not an object');
        const street = typeof a.adressrad === 'string' ? a.adressrad.trim().slice(0, 200) : '';
        const town = typeof a.postort === 'string' ? a.postort.trim().slice(0, 100) : '';
        const postcode = parsePostcode(String(a.postnummer ?? ''));
        if (!street) return drop('no street (adressrad)');
        if (!town) return drop('no town (postort)');
        if (!postcode) return drop(a.postnummer ? `"${String(a.postnummer).slice(0, 20)}" is not a five-digit postcode` : 'no postcode');
        const k = isObj(a.koordinater) ? a.koordinater : {};
        let lat = coordinate(k.latitud, 55, 69.5);
        let lon = coordinate(k.longitud, 10.5, 24.5);
        if (lat === undefined || lon === undefined || (lat === null) !== (lon === null)) {
          warn(`address ${j + 1} (${street}, ${town}): coordinates "${String(k.latitud)}", "${String(k.longitud)}" are not a place in Sweden; stored without coordinates`);
          lat = null;
          lon = null;
        }
        const adressid = a.adressid === undefined || a.adressid === null || a.adressid === '' ? null : String(a.adressid).trim();
        addresses.push({ afAddressId: adressid ?? `noid:${postcode}:${street.toLowerCase()}`, street, postcode, town, lat, lon });
      });
    }
    // Pages fetched while AF's list changes overlap: an identical repeat is dropped.
    const entry: ChooserEntry = { line, where, id, name, acceptingNew: accepting ?? null, addresses, orgnr, website };
    const json = JSON.stringify({ ...entry, line: 0, where: '' });
    const had = seen.get(id);
    if (had) {
      if (had.json !== json) out.errors.push({ line, field: 'id', where, message: `AF id ${id} already appears as entry ${had.line} with other content` });
      else out.warnings.push(`entry ${line} (${where}) repeats entry ${had.line} (AF id ${id}); counted once`);
      return;
    }
    seen.set(id, { json, line });
    out.entries.push(entry);
  });
  return out;
}
