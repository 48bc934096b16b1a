/**
 * Generates the AF import fixtures in tests/fixtures/af/ (fictional data in the shapes of
 * AF's published files; see docs/af-import.md) and, for the benchmark, files of any size.
 * Deterministic (seeded). Run: `npx tsx scripts/make-af-fixtures.ts [OUT_DIR]`.
 *
 * Files are named and laid out as AF publishes them (docs/af-import.md): rating workbooks
 * "betyg-rusta-och-matcha-<månad>-<år>.xlsx" (sheet "Betyg över tid"), results workbooks
 * "resultatuppfoljning-<månad>[-<månad>]-<år>.xlsx" with a "Beskrivning" sheet, one
 * "Resultat YYYY-MM" and one "Beräkningssnurra YYYY-MM" sheet per period and AF's columns.
 *
 * Odd cases built in: Swedish characters, unrated contracts ("Betyg saknas" in the rating
 * file, "-" in the results file, blank periods), a renamed provider (KA 10079001), a revised
 * period (2026-07 in the November file), RISKERAR HÄVNING missing in some periods, an office
 * whose postcode is not in the table (99999 Påhittby), one placed by town (72299 Västerås) and
 * one at "0"/"0" coordinates (AF's "not geocoded"), providers under several contracts, a list
 * entry without detail record, contact persons in detail records, repeated list entries
 * across pages, a delivery-area membership file (CSV and xlsx), and malformed files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { luhnCheckDigit } from '../src/lib/orgnr';

/** Mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

/** RoM2-style delivery areas with AF region, real postcodes of the town and a centre. */
export const AREAS: { name: string; region: string; town: string; postcodes: string[]; lat: number; lon: number }[] = [
  { name: 'Västerås', region: 'Mitt', town: 'Västerås', postcodes: ['72211', '72002', '72003'], lat: 59.61, lon: 16.54 },
  { name: 'Stockholm Nord', region: 'Stockholm-Gotland', town: 'Täby', postcodes: ['18330', '18300', '18301'], lat: 59.44, lon: 18.07 },
  { name: 'Stockholm Mitt', region: 'Stockholm-Gotland', town: 'Stockholm', postcodes: ['10004', '10012', '10019'], lat: 59.33, lon: 18.06 },
  { name: 'Göteborg Mitt', region: 'Väst', town: 'Göteborg', postcodes: ['41103', '40010', '40012'], lat: 57.71, lon: 11.97 },
  { name: 'Göteborg Syd-Öst', region: 'Väst', town: 'Göteborg', postcodes: ['40013', '41103', '40012'], lat: 57.68, lon: 12.02 },
  { name: 'Malmö', region: 'Syd', town: 'Malmö', postcodes: ['20001', '20005', '20010'], lat: 55.6, lon: 13.0 },
  { name: 'Lund', region: 'Syd', town: 'Lund', postcodes: ['22002', '22007', '22009'], lat: 55.7, lon: 13.19 },
  { name: 'Kristianstad', region: 'Syd', town: 'Kristianstad', postcodes: ['29030', '29031', '29033'], lat: 56.03, lon: 14.16 },
  { name: 'Västervik', region: 'Öst', town: 'Västervik', postcodes: ['59300', '59302', '59303'], lat: 57.76, lon: 16.64 },
  { name: 'Örnsköldsvik', region: 'Nord', town: 'Örnsköldsvik', postcodes: ['89101', '89104', '89117'], lat: 63.29, lon: 18.72 },
  { name: 'Sundsvall', region: 'Nord', town: 'Sundsvall', postcodes: ['85003', '85006', '85007'], lat: 62.39, lon: 17.31 },
  { name: 'Ljusdal', region: 'Mitt', town: 'Ljusdal', postcodes: ['82701', '82720', '82721'], lat: 61.83, lon: 16.09 },
  { name: 'Bollnäs-Söderhamn', region: 'Mitt', town: 'Bollnäs', postcodes: ['82100', '82110', '82111'], lat: 61.35, lon: 16.39 },
  { name: 'Örebro', region: 'Mitt', town: 'Örebro', postcodes: ['70002', '70005', '70006'], lat: 59.27, lon: 15.21 },
  { name: 'Umeå', region: 'Nord', town: 'Umeå', postcodes: ['90100', '90102', '90103'], lat: 63.83, lon: 20.26 },
];

const FIRST = ['Älv', 'Ö', 'Sjö', 'Berg', 'Skogs', 'Fjäll', 'Ång', 'Dal', 'Strand', 'Hav', 'Björk', 'Gran', 'Sol', 'Norr', 'Söder', 'Väster', 'Öster', 'Lärk', 'Ljung', 'Å'];
const SECOND = ['bron', 'stegen', 'kompassen', 'vägen', 'porten', 'bryggan', 'gården', 'källan', 'stigen', 'hamnen', 'kraften', 'viljan'];
const KIND = ['Kompetens', 'Vägledning', 'Jobbstöd', 'Utveckling', 'Coachning', 'Matchning', 'Framtid', 'Arbetsliv'];
const FORM = ['AB', 'AB', 'AB', 'HB', 'Ekonomisk förening', 'AB'];
const STREETS = ['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Järnvägsgatan', 'Ågatan', 'Östra Långgatan', 'Fältvägen', 'Skolgatan'];

export interface FixtureProvider {
  orgnr: string;
  name: string;
  /** Name in the 2026-11 files (renamed provider) or undefined. */
  renamedTo?: string;
  website: string | null;
  /** true: the chooser has no detail record for it (no organisation number). */
  noDetail?: boolean;
}

export interface FixtureContract {
  ka: string;
  provider: FixtureProvider;
  area: (typeof AREAS)[number];
  start: string;
  accepting: boolean | null;
  /** Stars per period (null = "Betyg saknas", undefined = blank). */
  stars: Record<string, number | null | undefined>;
  addresses: { id: string; street: string; postcode: string; town: string; lat: number; lon: number }[];
  /** Only in the 2026-11 files (a joiner). */
  lateOnly?: boolean;
}

/** Bimonthly periods January 2025 … July 2026, as in the 2026-09 rating file. */
export const PERIODS_2026_09 = ['2025-01', '2025-03', '2025-05', '2025-07', '2025-09', '2025-11', '2026-01', '2026-03', '2026-05', '2026-07'];
export const PERIODS_2026_11 = [...PERIODS_2026_09, '2026-09'];
const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const periodHeader = (p: string) => `${SV_MONTHS[Number(p.slice(5)) - 1]} ${p.slice(0, 4)}`;

/** A Luhn-valid organisation number (first digit 5, digits 3–4 ≥ 20) from a counter. */
function orgnrFor(n: number): string {
  const nine = `55${20 + (n % 70)}${String(100000 + n * 7).slice(-5)}`;
  return nine + luhnCheckDigit(nine);
}

/** The fictional world: `providers` providers holding `contracts` contracts in total. */
export function makeWorld(options: { providers: number; contracts: number; seed?: number }) {
  const r = rng(options.seed ?? 20260915);
  const providers: FixtureProvider[] = [];
  const names = new Set<string>();
  for (let i = 0; providers.length < options.providers; i++) {
    let name = `${r.pick(FIRST)}${r.pick(SECOND)} ${r.pick(KIND)} ${r.pick(FORM)}`;
    if (names.has(name)) name = `${name.replace(/ (AB|HB|Ekonomisk förening)$/, '')} ${providers.length} AB`;
    names.add(name);
    const slug = name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '');
    providers.push({ orgnr: orgnrFor(i + 1), name, website: i % 7 === 3 ? null : i % 3 === 0 ? `https://${slug}.example.se` : `www.${slug}.example.se` });
  }
  const contracts: FixtureContract[] = [];
  let ka = 10070001;
  let addressId = 300000;
  for (let i = 0; contracts.length < options.contracts; i++) {
    // Every provider gets one contract; later ones go round again (providers under several contracts).
    const provider = providers[i % providers.length];
    const used = new Set(contracts.filter((c) => c.provider === provider).map((c) => c.area.name));
    const free = AREAS.filter((a) => !used.has(a.name));
    const area = free.length ? r.pick(free) : r.pick(AREAS);
    const startYear = r.int(2023, 2025);
    const start = `${startYear}-${String(r.int(1, 12)).padStart(2, '0')}-01`;
    const stars: FixtureContract['stars'] = {};
    const rated = r.next() > 0.12;
    for (const p of PERIODS_2026_11) {
      if (`${p}-01` < start) stars[p] = undefined; // not yet running: blank
      else if (!rated || `${p}-01` < `${startYear + 1}${start.slice(4)}`) stars[p] = null; // Betyg saknas
      else stars[p] = r.int(1, 4);
    }
    const addresses = Array.from({ length: r.int(1, 2) }, () => ({
      id: String(addressId++),
      street: `${r.pick(STREETS)} ${r.int(1, 60)}`,
      postcode: r.pick(area.postcodes),
      town: area.town,
      lat: Number((area.lat + (r.next() - 0.5) / 20).toFixed(5)),
      lon: Number((area.lon + (r.next() - 0.5) / 20).toFixed(5)),
    }));
    contracts.push({ ka: String(ka++), provider, area, start, accepting: r.next() < 0.1 ? null : r.next() > 0.2, stars, addresses });
  }
  return { providers, contracts };
}

type World = ReturnType<typeof makeWorld>;

/** The chooser list entry and detail record of a contract, as AF's JSON has them. */
function listEntry(c: FixtureContract, name: string) {
  // lat/lon 0 is written as "0": AF's placeholder for an address it has not geocoded.
  const current = [...PERIODS_2026_09].reverse().map((p) => c.stars[p]).find((s) => s !== undefined);
  return {
    id: Number(c.ka),
    namn: name,
    rating: typeof current === 'number' ? String(current) : null,
    nyval_tillatet: c.accepting,
    adresser: c.addresses.map((a) => ({
      adressid: a.id, adressrad: a.street, postnummer: a.postcode, postort: a.town,
      koordinater: { latitud: String(a.lat), longitud: String(a.lon), north: String(Math.round(a.lat * 110000)), east: String(Math.round(a.lon * 35000)) },
    })),
  };
}

function detailRecord(c: FixtureContract, name: string, i: number) {
  return {
    id: Number(c.ka), namn: name, orgnr: `${c.provider.orgnr.slice(0, 6)}-${c.provider.orgnr.slice(6)}`,
    hemsida: c.provider.website,
    kontaktperson_namn: `Kontakt Personsson ${i}`, kontaktperson_telefon: `070-555 ${String(1000 + i).slice(-4)}`,
    kontaktperson_epost: `kontakt${i}@hemlig-kontakt.example.se`,
  };
}

/** Pages of 20 (as AF serves them) followed by detail records. */
export function chooserDocuments(world: World, options: { late?: boolean } = {}) {
  const late = options.late ?? false;
  // By 2026-11 the provider of the 7th contract has left the chooser; a new one has joined.
  const leaver = world.contracts[6]?.provider;
  const listed = world.contracts.filter((c) => (late ? c.provider !== leaver : !c.lateOnly));
  const entries = listed.map((c) => listEntry(c, late && c.provider.renamedTo ? c.provider.renamedTo : c.provider.name));
  const pages: unknown[] = [];
  for (let i = 0; i < entries.length; i += 20) pages.push({ total_count: entries.length, leverantorer: entries.slice(i, i + 20) });
  const details = listed
    .filter((c) => !c.provider.noDetail)
    .map((c, i) => detailRecord(c, late && c.provider.renamedTo ? c.provider.renamedTo : c.provider.name, i));
  return { pages, details };
}

function ratingSheetRows(world: World, periods: string[], late: boolean): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['Leverantörsnamn', 'Leveransområde', 'Af Region', 'Ka-Nummer', ...periods.map(periodHeader)]];
  for (const c of world.contracts) {
    if (late ? c.ka === '10070007' : c.lateOnly) continue; // 10070007 has left by 2026-11
    const name = late && c.provider.renamedTo ? c.provider.renamedTo : c.provider.name;
    rows.push([name, c.area.name, c.area.region, c.ka, ...periods.map((p) => {
      let s = c.stars[p];
      // AF revised 2026-07 for every 25th contract in the 2026-11 file.
      if (late && p === '2026-07' && Number(c.ka) % 25 === 0 && typeof s === 'number') s = s === 4 ? 3 : s + 1;
      return s === undefined ? null : s === null ? 'Betyg saknas' : s;
    })]);
  }
  return rows;
}

async function writeWorkbook(file: string, sheets: { name: string; rows: unknown[][] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'make-af-fixtures';
  wb.created = wb.modified = new Date('2026-09-30T08:00:00Z');
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

/** Rating workbook (sheet "Betyg över tid"); `late` = the 2026-11 release; `periods` overrides the period columns. */
export async function writeRatingWorkbook(file: string, world: World, late = false, periods?: string[]): Promise<void> {
  const rows = ratingSheetRows(world, periods ?? (late ? PERIODS_2026_11 : PERIODS_2026_09), late);
  await writeWorkbook(file, [{ name: 'Info', rows: [['Betyg för leverantörer av Rusta och matcha (fiktiva testdata)']] }, { name: 'Betyg över tid', rows }]);
}

/** The columns of a "Resultat YYYY-MM" sheet, in AF's order. */
export const RESULT_HEADER = [
  'PERIOD', 'LEVERANSOMRÅDE', 'LEVERANTÖRNAMN', 'KA-NUMMER', 'STARTDATUM AVTAL', 'AVTAL HAR VARIT AKTIVT I 22 MÅNADER',
  'BETYG', 'BETYG 1 ELLER SAKNAR BETYG', 'VIKTAT RESULTATMÅTT', 'VIKTAT RESULTATMÅTT LÄGRE ÄN 0,2', 'RISKERAR HÄVNING',
  'ANTAL DELTAGARE', 'ANTAL DELTAGARE NIVÅ A', 'ANTAL DELTAGARE NIVÅ B', 'ANTAL DELTAGARE NIVÅ C',
  'ANTAL RR1 NIVÅ A', 'ANTAL RR1 NIVÅ B', 'ANTAL RR1 NIVÅ C', 'ANTAL RR2 NIVÅ A', 'ANTAL RR2 NIVÅ B', 'ANTAL RR2 NIVÅ C',
];

/** AF-like level weights of a period (they drift a little between periods). */
export function periodWeights(period: string) {
  const k = (Number(period.slice(2, 4)) * 12 + Number(period.slice(5))) % 7;
  return { A: Number((0.7 + k * 0.0015).toFixed(6)), B: Number((0.957 + k * 0.002).toFixed(6)), C: Number((1.313 + k * 0.0025).toFixed(6)) };
}

/**
 * Result rows of one period with AF's header; `withRisk` = the sheet has RISKERAR HÄVNING
 * (AF left it out in several periods). No rating is printed as "-", as AF does.
 */
export function resultRows(world: World, period: string, withRisk: boolean): unknown[][] {
  const r = rng(Number(period.replace('-', '')));
  const header = withRisk ? RESULT_HEADER : RESULT_HEADER.filter((h) => h !== 'RISKERAR HÄVNING');
  const rows: unknown[][] = [header];
  const w = periodWeights(period);
  for (const c of world.contracts) {
    if (`${period}-01` < c.start || c.lateOnly) continue;
    const a = r.int(0, 30), b = r.int(0, 30), cc = r.int(0, 20);
    const rr = (n: number) => r.int(0, n);
    const [r1a, r1b, r1c, r2a, r2b, r2c] = [rr(a), rr(b), rr(cc), rr(a), rr(b), rr(cc)];
    const n = a + b + cc;
    const score = n ? Number(((w.A * (r1a + r2a) + w.B * (r1b + r2b) + w.C * (r1c + r2c)) / (2 * n)).toFixed(3)) : 0;
    const s = c.stars[period];
    const months = (Number(period.slice(0, 4)) - Number(c.start.slice(0, 4))) * 12 + Number(period.slice(5)) - Number(c.start.slice(5, 7));
    const oneOrNone = s === undefined || s === null || s === 1;
    const byName: Record<string, unknown> = {
      'PERIOD': period, 'LEVERANSOMRÅDE': c.area.name, 'LEVERANTÖRNAMN': c.provider.name, 'KA-NUMMER': c.ka,
      'STARTDATUM AVTAL': new Date(`${c.start}T00:00:00Z`), 'AVTAL HAR VARIT AKTIVT I 22 MÅNADER': months >= 22 ? 'Ja' : 'Nej',
      'BETYG': s === undefined || s === null ? '-' : s, 'BETYG 1 ELLER SAKNAR BETYG': oneOrNone ? 'Ja' : 'Nej',
      'VIKTAT RESULTATMÅTT': score, 'VIKTAT RESULTATMÅTT LÄGRE ÄN 0,2': score < 0.2 ? 'Ja' : 'Nej',
      'RISKERAR HÄVNING': s === 1 && score < 0.2 && months >= 22 ? 'Ja' : 'Nej',
      'ANTAL DELTAGARE': n, 'ANTAL DELTAGARE NIVÅ A': a, 'ANTAL DELTAGARE NIVÅ B': b, 'ANTAL DELTAGARE NIVÅ C': cc,
      'ANTAL RR1 NIVÅ A': r1a, 'ANTAL RR1 NIVÅ B': r1b, 'ANTAL RR1 NIVÅ C': r1c, 'ANTAL RR2 NIVÅ A': r2a, 'ANTAL RR2 NIVÅ B': r2b, 'ANTAL RR2 NIVÅ C': r2c,
    };
    rows.push(header.map((h) => byName[h]));
  }
  return rows;
}

/** AF's calculator sheet for a period: a small form with "Vikt nivå A/B/C" and the weight beside each label. */
export function weightsSheetRows(period: string): unknown[][] {
  const w = periodWeights(period);
  return [
    [`Beräkningssnurra för viktat resultatmått, ${period}`],
    [],
    ['', 'Antal deltagare', 'Antal RR1', 'Antal RR2'],
    ['Vikt nivå A', w.A, '', ''],
    ['Vikt nivå B', w.B, '', ''],
    ['Vikt nivå C', w.C, '', ''],
    [],
    ['Viktat resultatmått = Σ((RR1 + RR2) × vikt per nivå) / (2 × antal deltagare)'],
  ];
}

const DESCRIPTION_ROWS = [
  ['Beskrivning av resultatuppföljningen (fiktiva testdata)'],
  ['Leverantörer som saknar betyg markeras med ett streck, "-".'],
  ['Kolumnen RISKERAR HÄVNING redovisas inte för alla perioder.'],
];

/**
 * Results workbook as AF publishes it: a "Beskrivning" sheet, then per period a
 * "Resultat YYYY-MM" and a "Beräkningssnurra YYYY-MM" sheet. `withRisk` says which periods
 * have the RISKERAR HÄVNING column.
 */
export async function writeResultsWorkbook(file: string, world: World, periods = ['2026-07', '2026-09'], withRisk: (p: string) => boolean = (p) => p === '2026-07'): Promise<void> {
  await writeWorkbook(file, [
    { name: 'Beskrivning resultatuppföljning', rows: DESCRIPTION_ROWS },
    ...periods.flatMap((p) => [
      { name: `Resultat ${p}`, rows: resultRows(world, p, withRisk(p)) },
      { name: `Beräkningssnurra ${p}`, rows: weightsSheetRows(p) },
    ]),
  ]);
}

/** RoM 2 delivery-area memberships (municipality, area, AF region, valid from), by code or by name. */
export const AREA_MEMBERSHIPS: [string, string, string, string][] = [
  ['1401', 'Göteborg Syd-Öst', 'Väst', '2025-01-01'],
  ['Partille', 'Göteborg Syd-Öst', 'Väst', '2025-01-01'],
  ['1481', 'Göteborg Syd-Öst', 'Väst', '2025-01-01'],
  ['1480', 'Göteborg Mitt', 'Väst', '2025-01-01'],
  ['1496', 'Skövde-Falköping-Lidköping', 'Väst', '2025-01-01'],
  ['Falköpings kommun', 'Skövde-Falköping-Lidköping', 'Väst', '2025-01-01'],
  ['1494', 'Skövde-Falköping-Lidköping', 'Väst', '2025-01-01'],
  ['0180', 'Stockholm Mitt', 'Stockholm-Gotland', '2025-01-01'],
  ['0180', 'Stockholm Nord', 'Stockholm-Gotland', '2025-01-01'],
  ['0160', 'Stockholm Nord', 'Stockholm-Gotland', '2025-01-01'],
  ['Danderyd', 'Stockholm Nord', 'Stockholm-Gotland', '2025-01-01'],
  ['Region Gotland', 'Gotland', 'Stockholm-Gotland', '2025-01-01'],
  ['1980', 'Västerås', 'Mitt', '2025-01-01'],
];

/** The committed test fixtures. */
export function fixtureWorld(): World {
  const world = makeWorld({ providers: 60, contracts: 150 });
  // Named odd cases with fixed KA numbers (appended so the random part stays stable).
  const renamed: FixtureProvider = { orgnr: orgnrFor(901), name: 'Åkerö Vägledning AB', renamedTo: 'Åkerö & Öhman Vägledning AB', website: 'www.akero.example.se' };
  const noDetail: FixtureProvider = { orgnr: orgnrFor(902), name: 'Ödetorpets Jobbstöd HB', website: null, noDetail: true };
  const joiner: FixtureProvider = { orgnr: orgnrFor(903), name: 'Nyköpings Nystart AB', website: 'nystart.example.se' };
  world.providers.push(renamed, noDetail, joiner);
  const area = (name: string) => AREAS.find((a) => a.name === name)!;
  const base = { accepting: true, start: '2023-03-01' };
  const allRated = Object.fromEntries(PERIODS_2026_11.map((p, i) => [p, (i % 4) + 1]));
  world.contracts.push(
    { ka: '10079001', provider: renamed, area: area('Västerås'), ...base, stars: allRated,
      addresses: [
        { id: '399001', street: 'Östra Ringvägen 5', postcode: '99999', town: 'Påhittby', lat: 59.6, lon: 16.5 },
        // Not geocoded: AF gives "0"/"0".
        { id: '399005', street: 'Nollgatan 1', postcode: '72211', town: 'Västerås', lat: 0, lon: 0 },
      ] },
    { ka: '10079002', provider: renamed, area: area('Bollnäs-Söderhamn'), ...base, accepting: false, stars: allRated,
      addresses: [{ id: '399002', street: 'Testvägen 1', postcode: '72299', town: 'Västerås', lat: 59.62, lon: 16.55 }] },
    { ka: '10079003', provider: noDetail, area: area('Ljusdal'), ...base, stars: Object.fromEntries(PERIODS_2026_11.map((p) => [p, null])),
      addresses: [{ id: '399003', street: 'Ängsvägen 3', postcode: '82701', town: 'Ljusdal', lat: 61.83, lon: 16.09 }] },
    { ka: '10079004', provider: joiner, area: area('Västervik'), ...base, start: '2026-08-01', lateOnly: true,
      stars: Object.fromEntries(PERIODS_2026_11.map((p) => [p, p === '2026-09' ? null : undefined])),
      addresses: [{ id: '399004', street: 'Strandgatan 9', postcode: '59300', town: 'Västervik', lat: 57.76, lon: 16.64 }] },
  );
  return world;
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(import.meta.dirname, '../tests/fixtures/af'));
  mkdirSync(out, { recursive: true });
  const world = fixtureWorld();
  const early = chooserDocuments(world);
  // Array form; one page repeats its last entry on the next page (AF's paging overlaps).
  const pages = early.pages as { leverantorer: unknown[] }[];
  pages[1].leverantorer.unshift(pages[0].leverantorer[pages[0].leverantorer.length - 1]);
  writeFileSync(join(out, 'sokleverantor-2026-09-15.json'), `[\n${[...pages, ...early.details].map((d) => JSON.stringify(d)).join(',\n')}\n]\n`);
  // NDJSON form for the newer list: one page or detail record per line.
  const late = chooserDocuments(world, { late: true });
  writeFileSync(join(out, 'sokleverantor-2026-11-15.ndjson'), `${[...late.pages, ...late.details].map((d) => JSON.stringify(d)).join('\n')}\n`);
  // One page object with malformed entries.
  const bad = { total_count: 4, leverantorer: [
    { id: 10070001, namn: 'Felaktig AB', rating: '2', nyval_tillatet: true, orgnr: '556677-8890', adresser: [] },
    { id: 10070002, namn: '', rating: null, nyval_tillatet: true, adresser: [] },
    { id: 10070003, namn: 'Koordinat AB', rating: '3', nyval_tillatet: 'kanske', adresser: [
      { adressid: '1', adressrad: 'Gatan 1', postnummer: '722 11', postort: 'Västerås', koordinater: { latitud: 'abc', longitud: '16.5' } }] },
    { id: 10070004, namn: 'Postnummer AB', rating: '3', nyval_tillatet: true, adresser: [
      { adressid: '2', adressrad: 'Gatan 2', postnummer: '7221', postort: 'Västerås', koordinater: { latitud: '59.6', longitud: '16.5' } }] },
  ] };
  writeFileSync(join(out, 'sokleverantor-malformed-2026-09-15.json'), `${JSON.stringify(bad, null, 1)}\n`);

  await writeRatingWorkbook(join(out, 'betyg-rusta-och-matcha-september-2026.xlsx'), world);
  await writeRatingWorkbook(join(out, 'betyg-rusta-och-matcha-november-2026.xlsx'), world, true);
  const badRatings = ratingSheetRows({ providers: world.providers, contracts: world.contracts.slice(0, 6) }, PERIODS_2026_09, false);
  badRatings[2][5] = 5; // a rating out of range: that period is skipped with a warning
  badRatings[3][3] = null; // no KA number: the row is rejected
  badRatings[4][3] = badRatings[1][3]; // the same KA number twice: the second row is rejected
  badRatings[5][6] = 'tre'; // not a rating: that period is skipped with a warning
  await writeWorkbook(join(out, 'betyg-malformed-2026-09.xlsx'), [{ name: 'Betyg över tid', rows: badRatings }]);

  await writeResultsWorkbook(join(out, 'resultatuppfoljning-juli-september-2026.xlsx'), world);
  // Five periods in one file, as AF's "mars–november 2025" release; RISKERAR HÄVNING only in March and May.
  await writeResultsWorkbook(join(out, 'resultatuppfoljning-mars-november-2025.xlsx'), world,
    ['2025-03', '2025-05', '2025-07', '2025-09', '2025-11'], (p) => p <= '2025-05');
  const badResults = resultRows({ providers: world.providers, contracts: world.contracts.slice(0, 6) }, '2026-07', true);
  const col = (h: string) => RESULT_HEADER.indexOf(h);
  badResults[1][col('ANTAL DELTAGARE')] = 'tolv'; // not a count: stored as unknown, with a warning
  badResults[2][col('PERIOD')] = '2026-05'; // PERIOD differs from the sheet: rejected
  badResults[3][col('RISKERAR HÄVNING')] = 'kanske'; // not Ja/Nej: stored as unknown, with a warning
  badResults[4][col('KA-NUMMER')] = 'KA?!'; // not a KA number: rejected
  await writeWorkbook(join(out, 'resultat-malformed-2026-09.xlsx'), [{ name: 'Resultat 2026-07', rows: badResults }]);

  // RoM 2 delivery areas and their municipalities, as a CSV and as a workbook.
  const areaRows = [['Kommun', 'Leveransområde', 'Af region', 'Giltig från'], ...AREA_MEMBERSHIPS];
  writeFileSync(join(out, 'leveransomraden-rom2-2025-01-01.csv'), `${areaRows.map((r) => r.join(';')).join('\n')}\n`);
  await writeWorkbook(join(out, 'leveransomraden-rom2-2025-01.xlsx'), [{ name: 'Kommuner', rows: [
    ['Leveransområden Rusta och matcha 2 (fiktivt utdrag)'], [],
    ['Kommunkod', 'Kommun', 'Leveransområde', 'Af region', 'Giltig från'],
    ...AREA_MEMBERSHIPS.filter(([m]) => /^\d{4}$/.test(m)).map(([m, a, r, d]) => [m, '', a, r, new Date(`${d}T00:00:00Z`)]),
    ['9999', 'Atlantis', 'Göteborg Mitt', 'Väst', new Date('2025-01-01T00:00:00Z')],
  ] }]);
  process.stdout.write(`wrote AF fixtures to ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('make-af-fixtures.ts')) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
