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
  /** 'reference' | 'demo' | 'valkollen_csv' | 'valkollen_json' | 'af_providers' | 'af_ratings' | 'af_results' | 'af_areas' */
  source: text('source').notNull(),
  fileName: text('file_name'),
  sha256: text('sha256'),
  startedAt: text('started_at').notNull().default(nowIso),
  finishedAt: text('finished_at'),
  /** The date the data describes (publication date of the source), YYYY-MM-DD. */
  dataAsOf: text('data_as_of'),
  /** Where dataAsOf came from: 'argument' (--published) | 'file_name' | 'periods' (the latest period in the file) | 'import_day'. */
  dataAsOfBasis: text('data_as_of_basis'),
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
    /** The file the membership was imported from (af-areas), null for seeded rows. */
    sourceFile: text('source_file'),
    importRunId: integer('import_run_id').references(() => importRuns.id),
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
    /**
     * Organisation number, 10 digits without hyphen, Luhn-valid. Null for a provider known
     * only by name from AF's rating/results workbooks until a chooser list attaches it.
     */
    orgnr: text('orgnr'),
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

/**
 * Every time an import identified a name-only provider (created from AF's rating/results
 * workbooks) as a provider of AF's chooser list. When both were rows, the name-only row's
 * contracts, names and ids moved to `intoProviderId` and the row was deleted: pages can send
 * old links for `fromProviderId` on. When only an org number was attached, from = into.
 */
export const providerMerges = sqliteTable(
  'provider_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The provider row that was merged away (no foreign key: it no longer exists), or = into. */
    fromProviderId: integer('from_provider_id').notNull(),
    intoProviderId: integer('into_provider_id')
      .notNull()
      .references(() => providers.id),
    /** How they were matched: 'chooser_id' | 'ka_number' | 'name' | 'orgnr'. */
    basis: text('basis').notNull(),
    /** Human-readable detail, e.g. 'AF id 10070012 = KA 10070012' or the two names. */
    detail: text('detail').notNull(),
    mergedAt: text('merged_at').notNull(),
    importRunId: integer('import_run_id').references(() => importRuns.id),
  },
  (t) => [index('provider_merges_into_idx').on(t.intoProviderId), index('provider_merges_from_idx').on(t.fromProviderId)],
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
    /** The office's phone as AF publishes it; never a contact person's name. */
    phone: text('phone'),
    /** A functional e-mail address AF publishes for the office (personal-looking addresses are not stored). */
    email: text('email'),
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

/** A web site to crawl: a provider's site (from the directory) or an ad-hoc target. */
export const crawlSites = sqliteTable(
  'crawl_sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** null for ad-hoc targets that belong to no provider. */
    providerId: integer('provider_id').references(() => providers.id),
    /** scheme://host[:port], lower-case. */
    origin: text('origin').notNull(),
    startUrl: text('start_url').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Seconds between full revisits of the site. */
    revisitSeconds: integer('revisit_seconds').notNull().default(7 * 86400),
    lastCrawlAt: text('last_crawl_at'),
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('crawl_sites_origin_provider_uq').on(t.origin, t.providerId), index('crawl_sites_provider_idx').on(t.providerId)],
);

/** The frontier: one row per known page URL, with its schedule and lease. */
export const crawlJobs = sqliteTable(
  'crawl_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => crawlSites.id),
    /** Normalised URL. */
    url: text('url').notNull(),
    depth: integer('depth').notNull().default(0),
    /** 'start' | 'sitemap' | 'link' | 'canonical' | 'manual' */
    discoveredVia: text('discovered_via').notNull(),
    nextDueAt: text('next_due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Last outcome: 'ok' | 'unchanged' | 'robots' | 'skipped_type' | 'too_large' | 'error' | 'http_4xx' … */
    lastStatus: text('last_status'),
    lastHttpStatus: integer('last_http_status'),
    lastError: text('last_error'),
    lastFetchedAt: text('last_fetched_at'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    contentHash: text('content_hash'),
    /** Who holds the job now, and until when; an expired lease is free to claim again. */
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: text('lease_expires_at'),
    /** false once the page disappears (404/410) or leaves the site's scope. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('crawl_jobs_site_url_uq').on(t.siteId, t.url), index('crawl_jobs_due_idx').on(t.active, t.nextDueAt)],
);

/** Per-host politeness shared by all ticks: when the next request to the host may start. */
export const crawlHosts = sqliteTable('crawl_hosts', {
  /** The politeness key: host without "www." plus a non-default port. */
  host: text('host').primaryKey(),
  nextAllowedAt: text('next_allowed_at').notNull(),
});

/** robots.txt per origin, shared by all ticks and instances (the crawler's RobotsRecord as JSON). */
export const robotsCache = sqliteTable('robots_cache', {
  origin: text('origin').primaryKey(),
  record: text('record').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** One crawl tick or command run, with counts and whether coverage was partial. */
export const crawlRuns = sqliteTable('crawl_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 'cron' | 'interval' | 'cli' | 'recheck' | 'queue' */
  trigger: text('trigger').notNull(),
  owner: text('owner').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  pagesFetched: integer('pages_fetched').notNull().default(0),
  pagesUnchanged: integer('pages_unchanged').notNull().default(0),
  skippedRobots: integer('skipped_robots').notNull().default(0),
  skippedOther: integer('skipped_other').notNull().default(0),
  errors: integer('errors').notNull().default(0),
  findingsNew: integer('findings_new').notNull().default(0),
  findingsResolved: integer('findings_resolved').notNull().default(0),
  findingsReopened: integer('findings_reopened').notNull().default(0),
  /** True when the budget ran out before all due work was done. */
  partial: integer('partial', { mode: 'boolean' }).notNull().default(false),
  notes: text('notes'),
  /** Pages whose analysis ran past its time limit (recorded as analysis_timeout, retried later). */
  analysisTimeouts: integer('analysis_timeouts').notNull().default(0),
  /** Pages read only in part because they hit a cap on hostile HTML. */
  pagesTruncated: integer('pages_truncated').notNull().default(0),
  /** Last sign of life of the process running it (counts are written page by page with it). */
  heartbeatAt: text('heartbeat_at'),
  /** True when its process died before finishing: a later tick or start closed it with what it did. */
  aborted: integer('aborted', { mode: 'boolean' }).notNull().default(false),
});

/** What a page said when fetched: the evidence behind findings. Stored when the content changes. */
export const pageSnapshots = sqliteTable(
  'page_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => crawlJobs.id),
    url: text('url').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    httpStatus: integer('http_status').notNull(),
    contentHash: text('content_hash').notNull(),
    htmlBytes: integer('html_bytes').notNull(),
    title: text('title'),
    /** Extracted visible text (bounded), as the rule engine saw it. */
    text: text('text').notNull(),
    /** Caps on hostile HTML the page hit, comma-separated ("depth,text"); null = read whole. */
    truncated: text('truncated'),
    crawlRunId: integer('crawl_run_id').references(() => crawlRuns.id),
  },
  (t) => [uniqueIndex('page_snapshots_job_hash_uq').on(t.jobId, t.contentHash), index('page_snapshots_job_idx').on(t.jobId)],
);

/** A rule hit on a page, identified by its fingerprint so it survives recrawls. */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fingerprint: text('fingerprint').notNull(),
    ruleId: text('rule_id').notNull(),
    severity: text('severity').notNull(),
    providerId: integer('provider_id').references(() => providers.id),
    siteId: integer('site_id').references(() => crawlSites.id),
    jobId: integer('job_id').references(() => crawlJobs.id),
    url: text('url').notNull(),
    /** 'open' | 'confirmed' | 'dismissed' | 'resolved' */
    status: text('status').notNull(),
    match: text('match').notNull(),
    context: text('context').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    line: integer('line').notNull(),
    column: integer('column').notNull(),
    message: text('message').notNull(),
    suggestion: text('suggestion'),
    rulesetVersion: text('ruleset_version').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    resolvedAt: text('resolved_at'),
    timesReopened: integer('times_reopened').notNull().default(0),
    firstSnapshotId: integer('first_snapshot_id').references(() => pageSnapshots.id),
    lastSnapshotId: integer('last_snapshot_id').references(() => pageSnapshots.id),
    lastCrawlRunId: integer('last_crawl_run_id').references(() => crawlRuns.id),
    assignedTo: integer('assigned_to'),
    dismissedReason: text('dismissed_reason'),
    /** 'certain' (a rule's concepts matched) | 'possible' (a lead: see possible_reason) */
    certainty: text('certainty').notNull().default('certain'),
    /** Why a possible finding is only possible: 'model_only' | 'lead_clause' | 'speaker_unclear'; null when certain */
    possibleReason: text('possible_reason'),
    /** 0–1: how sure the engine is; 1 for rule matches without a model score */
    confidence: real('confidence').notNull().default(1),
    /** Language of the sentence the finding is in (ISO 639-1/3 code), when known */
    language: text('language'),
    /** JSON list of evidence spans `[{ start, end, match }]` merged into this one finding */
    evidence: text('evidence'),
  },
  (t) => [
    uniqueIndex('findings_fingerprint_uq').on(t.fingerprint),
    index('findings_status_idx').on(t.status),
    index('findings_provider_idx').on(t.providerId),
    index('findings_job_idx').on(t.jobId),
  ],
);

/** Append-only history of every finding: crawler transitions and officers' decisions. */
export const findingEvents = sqliteTable(
  'finding_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id),
    at: text('at').notNull(),
    /** 'crawler' or 'user:<id>' */
    actor: text('actor').notNull(),
    /** 'created' | 'resolved' | 'reopened' | 'confirmed' | 'dismissed' | 'undismissed' | 'assigned' | 'note' | 'recheck' */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    crawlRunId: integer('crawl_run_id').references(() => crawlRuns.id),
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId)],
);

/** API keys for the self-check API: stored as SHA-256 hashes, shown once, revocable. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** null for keys not tied to a provider (e.g. the local demo key). */
    providerId: integer('provider_id').references(() => providers.id),
    label: text('label').notNull(),
    /** The first characters of the key, shown to identify it (e.g. "vk_3fA9c2"). */
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole key. */
    keyHash: text('key_hash').notNull(),
    createdAt: text('created_at').notNull(),
    /** 'cli' | 'demo' | 'user:<id>' */
    createdBy: text('created_by').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
    /** Requests per minute allowed for this key (null = the default). */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_provider_idx').on(t.providerId)],
);

/** Fixed-window request counters (per API key, per IP for the web form); shared by all instances. */
export const rateLimitCounters = sqliteTable('rate_limit_counters', {
  /** e.g. "key:12" or "form-ip:203.0.113.9" */
  bucket: text('bucket').primaryKey(),
  /** Start of the current window, epoch seconds. */
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/** AF's published result figures per contract and period (results workbook), revisions kept. */
export const contractResults = sqliteTable(
  'contract_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractKa: text('contract_ka')
      .notNull()
      .references(() => contracts.kaNumber),
    /** YYYY-MM */
    period: text('period').notNull(),
    participants: integer('participants'),
    participantsA: integer('participants_a'),
    participantsB: integer('participants_b'),
    participantsC: integer('participants_c'),
    rr1A: integer('rr1_a'),
    rr1B: integer('rr1_b'),
    rr1C: integer('rr1_c'),
    rr2A: integer('rr2_a'),
    rr2B: integer('rr2_b'),
    rr2C: integer('rr2_c'),
    weightedScore: real('weighted_score'),
    /** "VIKTAT RESULTATMÅTT LÄGRE ÄN 0,2" (Ja/Nej); null = not in the file that period. */
    weightedScoreBelow02: integer('weighted_score_below_02', { mode: 'boolean' }),
    /** Stars as printed in the results file (BETYG, may differ from the rating file); null when "-" or absent. */
    stars: integer('stars'),
    /** BETYG printed as "-" (AF: the provider has no rating): true; 1–4: false; null = column absent. */
    noRating: integer('no_rating', { mode: 'boolean' }),
    /** "BETYG 1 ELLER SAKNAR BETYG" (Ja/Nej); null = not in the file that period. */
    ratingOneOrNone: integer('rating_one_or_none', { mode: 'boolean' }),
    /** "STARTDATUM AVTAL" as printed for this period (YYYY-MM-DD); null = absent. */
    contractStartDate: text('contract_start_date'),
    /** "Avtal har varit aktivt i 22 månader"; null = not in the file. */
    active22Months: integer('active_22_months', { mode: 'boolean' }),
    /** "Riskerar hävning"; null = the column was absent (never assumed false). */
    atRiskOfTermination: integer('at_risk_of_termination', { mode: 'boolean' }),
    sourceFile: text('source_file').notNull(),
    publishedAt: text('published_at').notNull(),
    revision: integer('revision').notNull().default(1),
    importRunId: integer('import_run_id').references(() => importRuns.id),
  },
  (t) => [uniqueIndex('contract_results_uq').on(t.contractKa, t.period, t.revision)],
);

/**
 * AF's A/B/C level weights per period (the "Beräkningssnurra YYYY-MM" sheets of the results
 * workbook): the weighted result is (wA·(RR1A+RR2A) + wB·(…) + wC·(…)) / (2 × participants).
 * Revisions kept like results.
 */
export const periodWeights = sqliteTable(
  'period_weights',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** YYYY-MM */
    period: text('period').notNull(),
    weightA: real('weight_a').notNull(),
    weightB: real('weight_b').notNull(),
    weightC: real('weight_c').notNull(),
    sourceFile: text('source_file').notNull(),
    publishedAt: text('published_at').notNull(),
    revision: integer('revision').notNull().default(1),
    importRunId: integer('import_run_id').references(() => importRuns.id),
  },
  (t) => [uniqueIndex('period_weights_period_rev_uq').on(t.period, t.revision)],
);

/** Identifiers other systems use for our entities (e.g. AF's chooser ids), with when they were seen. */
export const externalIds = sqliteTable(
  'external_ids',
  {
    /** 'provider' | 'contract' | 'office' */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** e.g. 'af_search', 'af_address' */
    system: text('system').notNull(),
    externalId: text('external_id').notNull(),
    firstSeen: text('first_seen').notNull(),
    lastSeen: text('last_seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.externalId, t.entity] }), index('external_ids_entity_idx').on(t.entity, t.entityId)],
);

/** Compliance officers and admins of the review workspace. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased sign-in name (an e-mail address). */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** 'officer' | 'admin' */
    role: text('role').notNull(),
    /** PBKDF2-SHA256 hash and its parameters, e.g. "pbkdf2-sha256$600000$<salt b64>$<hash b64>". */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    /** Set when an admin resets the password: the user must choose a new one. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** Signed-in sessions; the cookie holds a random token whose SHA-256 is the id. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** Secret for this session's CSRF tokens. */
    csrfSecret: text('csrf_secret').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only log of account and administration actions (sign-ins, users, API keys, exports). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** 'user:<id>' | 'cli' | 'system' */
    actor: text('actor').notNull(),
    /** e.g. 'login', 'login_failed', 'logout', 'user_created', 'user_disabled', 'password_reset', 'apikey_created', 'apikey_revoked', 'export' */
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** JSON details (never passwords or keys). */
    detail: text('detail'),
  },
  (t) => [index('audit_events_at_idx').on(t.at)],
);

/**
 * The scheduled sync from AF (`npm run sync`, the Worker's cron): one row per fetched source —
 * the chooser list, the page listing AF's workbooks, and each workbook URL found there — with
 * the validators for conditional GET, the SHA-256 of what was last fetched and last imported,
 * and the outcome of the last check. Import provenance itself stays in import_runs.
 */
export const afSyncSources = sqliteTable(
  'af_sync_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    /** 'chooser' | 'files_page' | 'af-ratings' | 'af-results' | 'other' (a link that is neither, not imported) */
    kind: text('kind').notNull(),
    /** The file name the import saw (from the URL, or sokleverantor-YYYY-MM-DD.json for the chooser). */
    fileName: text('file_name'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** SHA-256 of the body last fetched in full. */
    sha256: text('sha256'),
    /** SHA-256 of the body last imported successfully (ok or unchanged). */
    importedSha256: text('imported_sha256'),
    bytes: integer('bytes'),
    /** 'imported' | 'unchanged' | 'not_modified' | 'import_failed' | 'fetch_failed' */
    status: text('status').notNull(),
    lastError: text('last_error'),
    lastCheckedAt: text('last_checked_at').notNull(),
    /** When the body last differed from the one before. */
    lastChangedAt: text('last_changed_at'),
    lastImportedAt: text('last_imported_at'),
    lastImportRunId: integer('last_import_run_id').references(() => importRuns.id),
    /** files_page: JSON list of the workbook links found on it (reused on a 304). */
    links: text('links'),
  },
  (t) => [uniqueIndex('af_sync_sources_url_uq').on(t.url)],
);

/**
 * Errors job seekers and providers report through /kontakt, for the officers' list in the review
 * workspace. No account, no IP address stored (the rate limit counts per IP in its own table).
 */
export const errorReports = sqliteTable(
  'error_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receivedAt: text('received_at').notNull(),
    /** 'wrong_data' | 'accessibility' | 'other' */
    kind: text('kind').notNull(),
    /** The page the report is about (a path on this site or a full URL), bounded. */
    pageUrl: text('page_url'),
    message: text('message').notNull(),
    /** Optional e-mail for an answer; deleted with the report. */
    replyTo: text('reply_to'),
    /** Interface language of the form: a public locale ('sv', 'en', 'ar', 'so', 'ti', 'prs', 'lattlast'). */
    locale: text('locale').notNull(),
    /** 'new' | 'handled' */
    status: text('status').notNull().default('new'),
  },
  (t) => [index('error_reports_received_idx').on(t.receivedAt)],
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
  providerMerges,
  contracts,
  offices,
  ratings,
  languages,
  providerClaims,
  crawlSites,
  crawlJobs,
  crawlHosts,
  robotsCache,
  crawlRuns,
  pageSnapshots,
  findings,
  findingEvents,
  apiKeys,
  rateLimitCounters,
  contractResults,
  periodWeights,
  afSyncSources,
  externalIds,
  users,
  sessions,
  auditEvents,
  errorReports,
};
