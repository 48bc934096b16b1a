/**
 * A small, hand-made directory for HTTP and query tests: two current delivery areas
 * (Västerås, Eskilstuna), six providers with known languages, ratings and offices,
 * one sole trader, one ended contract and one revised rating period.
 */
import { deliveryAreaMunicipalities, deliveryAreas, contracts, importRuns, offices, providerClaims, providerNameVariants, providers, ratings } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { runBatch } from '../../src/db/types';

export const FIXTURE = {
  vasteras: '1980',
  eskilstuna: '0484',
  /** Municipality with no area in the fixture. */
  empty: '2480',
};

interface P {
  id: number;
  orgnr: string;
  name: string;
  soleTrader?: boolean;
  langs: string[];
  areas: { area: 'vas' | 'esk'; ka: string; accepting: boolean | null; stars: (number | null)[]; status?: string }[];
  offices: { street: string; postcode: string; town: string; municipality: string | null; lat?: number; lon?: number; phone?: string; email?: string }[];
}

// Organisation numbers below are Luhn-valid but fictional.
export const FIXTURE_PROVIDERS: P[] = [
  { id: 1, orgnr: '5560000001', name: 'Alfa Jobbcoach AB', langs: ['sv', 'ar', 'en'], areas: [{ area: 'vas', ka: 'KA-100001', accepting: true, stars: [3, 4] }], offices: [{ street: 'Stora gatan 1', postcode: '72211', town: 'Västerås', municipality: '1980', lat: 59.611, lon: 16.545, phone: '021-123 45 00', email: 'info@alfa.example.se' }] },
  { id: 2, orgnr: '5560000019', name: 'Beta Kompetens AB', langs: ['sv', 'so'], areas: [{ area: 'vas', ka: 'KA-100002', accepting: false, stars: [2, 2] }, { area: 'esk', ka: 'KA-200002', accepting: true, stars: [1, 3] }], offices: [{ street: 'Kungsgatan 5', postcode: '63220', town: 'Eskilstuna', municipality: '0484', lat: 59.371, lon: 16.51 }] },
  { id: 3, orgnr: '5560000027', name: 'Gamma Vägledning AB', langs: ['sv', 'ti', 'ar'], areas: [{ area: 'vas', ka: 'KA-100003', accepting: true, stars: [null, null] }], offices: [{ street: 'Vasagatan 10', postcode: '72215', town: 'Västerås', municipality: '1980', lat: 59.6125, lon: 16.539 }] },
  { id: 4, orgnr: '8503122387', name: 'Delta Coachning', soleTrader: true, langs: ['sv', 'prs'], areas: [{ area: 'vas', ka: 'KA-100004', accepting: true, stars: [1, 1] }], offices: [{ street: 'Torget 2', postcode: '72212', town: 'Västerås', municipality: '1980', lat: 59.61, lon: 16.547 }] },
  { id: 5, orgnr: '5560000035', name: 'Epsilon Arbete AB', langs: ['sv'], areas: [{ area: 'esk', ka: 'KA-200005', accepting: true, stars: [4, 4] }], offices: [{ street: 'Drottninggatan 3', postcode: '63222', town: 'Eskilstuna', municipality: '0484', lat: 59.37, lon: 16.512 }] },
  { id: 6, orgnr: '5560000043', name: 'Zeta Steget AB', langs: ['sv', 'en'], areas: [{ area: 'vas', ka: 'KA-100006', accepting: null, stars: [2, 3], status: 'ended' }], offices: [{ street: 'Okänd väg 1', postcode: '99999', town: 'Nowhere', municipality: null }] },
];

export const PERIODS = ['2026-07', '2026-09'];

/** Inserts the fixture directory into a migrated database. */
export async function seedDirectoryFixture(db: Db): Promise<void> {
  const stmts: unknown[] = [];
  stmts.push(db.insert(importRuns).values({ id: 50, source: 'demo', fileName: 'fixture', status: 'ok', dataAsOf: '2026-10-31', finishedAt: '2026-11-01T08:00:00Z' }));
  stmts.push(
    db.insert(deliveryAreas).values([
      { id: 100, name: 'Västerås', afRegion: 'Mitt', service: 'rom2', validFrom: '2023-01-01', source: 'demo' },
      { id: 101, name: 'Eskilstuna', afRegion: 'Öst', service: 'rom2', validFrom: '2023-01-01', source: 'demo' },
    ]),
  );
  stmts.push(
    db.insert(deliveryAreaMunicipalities).values([
      { deliveryAreaId: 100, municipalityCode: '1980', validFrom: '2023-01-01', basis: 'demo' },
      { deliveryAreaId: 100, municipalityCode: '1982', validFrom: '2023-01-01', basis: 'demo' },
      { deliveryAreaId: 101, municipalityCode: '0484', validFrom: '2023-01-01', basis: 'demo' },
    ]),
  );
  for (const p of FIXTURE_PROVIDERS) {
    stmts.push(
      db.insert(providers).values({ id: p.id, orgnr: p.orgnr, displayName: p.name, isSoleTrader: !!p.soleTrader, legalForm: p.soleTrader ? 'EF' : 'AB', website: `www.${p.name.split(' ')[0].toLowerCase()}.example.se`, description: `${p.name} hjälper dig att hitta jobb.`, firstSeen: '2024-01-01', lastSeen: '2026-11-01' }),
    );
    stmts.push(db.insert(providerNameVariants).values({ providerId: p.id, name: p.name, seenFrom: '2024-01-01', source: 'fixture' }));
    for (const l of p.langs) stmts.push(db.insert(providerClaims).values({ providerId: p.id, kind: 'language', value: l, origin: 'provider_declared', checkedAt: '2026-11-01' }));
    for (const a of p.areas) {
      stmts.push(db.insert(contracts).values({ kaNumber: a.ka, providerId: p.id, deliveryAreaId: a.area === 'vas' ? 100 : 101, startDate: '2023-03-01', acceptingNew: a.accepting, status: a.status ?? 'active', firstSeen: '2024-01-01', lastSeen: '2026-11-01' }));
      a.stars.forEach((s, i) =>
        stmts.push(db.insert(ratings).values({ contractKa: a.ka, period: PERIODS[i], stars: s, nullReason: s === null ? 'too_new' : null, sourceFile: `betyg-${PERIODS[i]}.xlsx`, publishedAt: `${PERIODS[i]}-28`, revision: 1 })),
      );
    }
    for (const o of p.offices) stmts.push(db.insert(offices).values({ providerId: p.id, street: o.street, postcode: o.postcode, town: o.town, municipalityCode: o.municipality, municipalityDerivation: o.municipality ? 'postcode' : 'unknown', lat: o.lat ?? null, lon: o.lon ?? null, phone: o.phone ?? null, email: o.email ?? null, firstSeen: '2024-01-01', lastSeen: '2026-11-01' }));
  }
  // A revision of an earlier period: Alfa's 2026-07 rating was revised from 3 to 2.
  stmts.push(db.insert(ratings).values({ contractKa: 'KA-100001', period: '2026-07', stars: 2, sourceFile: 'betyg-2026-09.xlsx', publishedAt: '2026-09-28', revision: 2 }));
  // A former name.
  stmts.push(db.insert(providerNameVariants).values({ providerId: 2, name: 'Beta Utbildning AB', seenFrom: '2022-01-01', seenTo: '2023-12-31', source: 'fixture' }));
  await runBatch(db, stmts);
}

/**
 * The fixture plus two offices for distance tests: Delta (4) in Skultuna (a locality of
 * Västerås) and Beta (2) in Fagersta (same delivery area, another municipality).
 */
export async function seedDirectoryFixtureWithPlaces(db: Db): Promise<void> {
  await seedDirectoryFixture(db);
  await db.insert(offices).values([
    { providerId: 4, street: 'Skultunavägen 3', postcode: '72620', town: 'Skultuna', municipalityCode: '1980', municipalityDerivation: 'postcode', lat: 59.717, lon: 16.42, phone: '021-700 00 00', firstSeen: '2024-01-01', lastSeen: '2026-11-01' },
    { providerId: 2, street: 'Fagerstavägen 1', postcode: '73730', town: 'Fagersta', municipalityCode: '1982', municipalityDerivation: 'postcode', lat: 60.004, lon: 15.793, firstSeen: '2024-01-01', lastSeen: '2026-11-01' },
  ]);
}
