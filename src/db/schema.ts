/**
 * The database schema (drizzle, SQLite dialect: runs on libsql/Turso and D1).
 * Shaped like Arbetsförmedlingen's own data: organisation (provider) → contract
 * (KA-nummer, the rated unit) → offices, with reference tables keyed by official codes.
 * Migrations are generated from this file by drizzle-kit into migrations/.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** ISO timestamp text default, e.g. 2026-11-23T14:20:00.000Z */
const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Import runs: provenance of every imported figure and the "data as of" stamp. */
export const importRuns = sqliteTable('import_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 'reference' | 'demo' | 'valkollen_csv' | 'valkollen_json' | 'af_providers' | 'af_ratings' | 'af_results' */
  source: text('source').notNull(),
  fileName: text('file_name'),
  sha256: text('sha256'),
  startedAt: text('started_at').notNull().default(nowIso),
  finishedAt: text('finished_at'),
  /** The date the data describes (publication date of the source), YYYY-MM-DD. */
  dataAsOf: text('data_as_of'),
  /** 'ok' | 'unchanged' | 'failed' */
  status: text('status').notNull(),
  rowsRead: integer('rows_read').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** JSON report (errors with row numbers, unmatched rows …). */
  report: text('report'),
});

export const counties = sqliteTable('counties', {
  /** Two-digit län code as text ('01'…'25', with gaps). */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const municipalities = sqliteTable(
  'municipalities',
  {
    /** Four-digit SCB kommunkod as text. */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    /** ASCII slug used in URLs: vasteras, malung-salen. */
    slug: text('slug').notNull(),
    /** Lower-cased, diacritics-folded name for search. */
    searchKey: text('search_key').notNull(),
  },
  (t) => [uniqueIndex('municipalities_slug_uq').on(t.slug), index('municipalities_search_idx').on(t.searchKey)],
);

export const postalCodes = sqliteTable(
  'postal_codes',
  {
    /** Five digits, no space. */
    code: text('code').primaryKey(),
    locality: text('locality').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [index('postal_codes_municipality_idx').on(t.municipalityCode)],
);

export const deliveryAreas = sqliteTable(
  'delivery_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    afRegion: text('af_region'),
    /** 'rom1' | 'rom2' | 'pilot2020' */
    service: text('service').notNull(),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    /** Where the area comes from: 'af_document' | 'seed_documents' | 'demo' | an import file. */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('delivery_areas_name_service_uq').on(t.name, t.service)],
);

export const deliveryAreaMunicipalities = sqliteTable(
  'delivery_area_municipalities',
  {
    deliveryAreaId: integer('delivery_area_id')
      .notNull()
      .references(() => deliveryAreas.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    validFrom: text('valid_from').notNull().default('0000-01-01'),
    validTo: text('valid_to'),
    /** 'af_document' | 'inferred' | 'demo', with free text allowed after a colon. */
    basis: text('basis').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deliveryAreaId, t.municipalityCode, t.validFrom] }),
    index('dam_municipality_idx').on(t.municipalityCode),
  ],
);

export const providers = sqliteTable(
  'providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Organisation number, 10 digits without hyphen, Luhn-valid. */
    orgnr: text('orgnr').notNull(),
    /** 'AB' | 'HB' | 'KB' | 'EF' (enskild firma) | 'ek' | 'ideell' | … when known. */
    legalForm: text('legal_form'),
    /** True when the number is a personal identity number (sole trader): shown masked. */
    isSoleTrader: integer('is_sole_trader', { mode: 'boolean' }).notNull().default(false),
    displayName: text('display_name').notNull(),
    website: text('website'),
    /** Provider-declared short description (provider text, labelled as such). */
    description: text('description'),
    firstSeen: text('first_seen').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [uniqueIndex('providers_orgnr_uq').on(t.orgnr)],
);

export const providerNameVariants = sqliteTable(
  'provider_name_variants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    name: text('name').notNull(),
    seenFrom: text('seen_from').notNull(),
    seenTo: text('seen_to'),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('pnv_provider_name_uq').on(t.providerId, t.name)],
);

export const contracts = sqliteTable(
  'contracts',
  {
    /** KA-nummer: provider × delivery area × service; the unit AF rates. */
    kaNumber: text('ka_number').primaryKey(),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    deliveryAreaId: integer('delivery_area_id')
      .notNull()
      .references(() => deliveryAreas.id),
    /** AF service code; A015 = Rusta och matcha. */
    serviceCode: text('service_code').notNull().default('A015'),
    startDate: text('start_date'),
    /** AF's nyval_tillatet; null = unknown. */
    acceptingNew: integer('accepting_new', { mode: 'boolean' }),
    /** 'active' | 'ended' */
    status: text('status').notNull().default('active'),
    firstSeen: text('first_seen').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [
    index('contracts_provider_idx').on(t.providerId),
    index('contracts_area_idx').on(t.deliveryAreaId),
  ],
);

export const offices = sqliteTable(
  'offices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    /** AF's adressid when imported from AF. */
    afAddressId: text('af_address_id'),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    town: text('town').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** How municipalityCode was found: 'postcode' | 'town' | 'manual' | 'unknown'. */
    municipalityDerivation: text('municipality_derivation').notNull(),
    lat: real('lat'),
    lon: real('lon'),
    /** null = unknown (never assumed). */
    stepFreeAccess: integer('step_free_access', { mode: 'boolean' }),
    firstSeen: text('first_seen').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [
    index('offices_provider_idx').on(t.providerId),
    index('offices_municipality_idx').on(t.municipalityCode),
  ],
);

export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractKa: text('contract_ka')
      .notNull()
      .references(() => contracts.kaNumber),
    /** Rating period, YYYY-MM. */
    period: text('period').notNull(),
    /** 1–4, or null with nullReason. */
    stars: integer('stars'),
    /** 'below_threshold' | 'too_new' | 'not_published' when stars is null. */
    nullReason: text('null_reason'),
    sourceFile: text('source_file').notNull(),
    publishedAt: text('published_at').notNull(),
    /** 1 for the first publication of a period; later revisions add rows, never overwrite. */
    revision: integer('revision').notNull().default(1),
    importRunId: integer('import_run_id').references(() => importRuns.id),
  },
  (t) => [
    uniqueIndex('ratings_contract_period_rev_uq').on(t.contractKa, t.period, t.revision),
    index('ratings_contract_idx').on(t.contractKa),
  ],
);

export const languages = sqliteTable('languages', {
  /** ISO 639-1 where one exists, else 639-3 (e.g. 'prs' Dari, 'ti' Tigrinya). */
  code: text('code').primaryKey(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  /** The language's own name for itself, shown beside the Swedish one. */
  nameNative: text('name_native').notNull(),
});

export const providerClaims = sqliteTable(
  'provider_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    /** 'language' | 'remote_meetings' | 'accessibility' | 'activity' */
    kind: text('kind').notNull(),
    /** e.g. a language code, 'yes'/'no'. */
    value: text('value').notNull(),
    /** 'official' | 'provider_declared' | 'provider_site' */
    origin: text('origin').notNull(),
    sourceUrl: text('source_url'),
    checkedAt: text('checked_at').notNull(),
  },
  (t) => [
    uniqueIndex('provider_claims_uq').on(t.providerId, t.kind, t.value, t.origin),
    index('provider_claims_kind_value_idx').on(t.kind, t.value),
  ],
);

export const schema = {
  importRuns,
  counties,
  municipalities,
  postalCodes,
  deliveryAreas,
  deliveryAreaMunicipalities,
  providers,
  providerNameVariants,
  contracts,
  offices,
  ratings,
  languages,
  providerClaims,
};
