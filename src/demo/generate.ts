/**
 * Pure generator of the fictional demo data set: providers, name variants, delivery areas,
 * contracts, offices, claims and ratings, as plain rows ready to insert. Deterministic:
 * the same reference data, `today` and seed give identical rows. No database access here.
 */
import { luhnCheckDigit } from '../lib/orgnr';
import { findPlace, mainPlace } from '../directory/gazetteer';
import { hash32 } from '../lib/hash';
import type {
  contracts,
  deliveryAreaMunicipalities,
  deliveryAreas,
  offices,
  providerClaims,
  providerNameVariants,
  providers,
  ratings,
} from '../db/schema';
import { planDemoAreas, type PlannedArea } from './areas';
import { createRandom, type Random } from './random';
import {
  DESCRIPTION_DETAILS,
  DESCRIPTION_OPENERS,
  NAME_HEADS,
  NAME_KINDS,
  NAME_LEADS,
  NAME_REGIONS,
  NAME_TAILS,
  STREET_HEADS,
  STREET_TAILS,
} from './words';

export const DEMO_AREA_BASIS = 'demo: fictional grouping by county';

export interface DemoReference {
  municipalities: { code: string; name: string; countyCode: string }[];
  /** Postcodes in ascending code order. */
  postalCodes: { code: string; locality: string; municipalityCode: string }[];
  /** Existing max ids, so explicit ids continue after them. */
  maxDeliveryAreaId: number;
  maxProviderId: number;
  maxOfficeId: number;
  importRunId: number;
}

export interface DemoRows {
  deliveryAreas: (typeof deliveryAreas.$inferInsert)[];
  deliveryAreaMunicipalities: (typeof deliveryAreaMunicipalities.$inferInsert)[];
  providers: (typeof providers.$inferInsert)[];
  providerNameVariants: (typeof providerNameVariants.$inferInsert)[];
  contracts: (typeof contracts.$inferInsert)[];
  offices: (typeof offices.$inferInsert)[];
  providerClaims: (typeof providerClaims.$inferInsert)[];
  ratings: (typeof ratings.$inferInsert)[];
  /** Publication date of the newest rating period: the "data as of" date. */
  dataAsOf: string;
  periods: string[];
}

type Kind = 'national' | 'regional' | 'local';

interface DraftProvider {
  id: number;
  kind: Kind;
  orgnr: string;
  legalForm: string;
  soleTrader: boolean;
  name: string;
  areas: PlannedArea[];
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(new Date(Date.parse(d) + n * DAY));

/**
 * Coordinates and contact details of a demo office, derived from a hash of the office (not from
 * the seeded random stream, so the rest of the demo data stays as it was): the centre of its
 * postcode's locality (GeoNames) moved up to about a kilometre, a phone number from the range
 * PTS reserves for fiction (070-174 06 05 … 99) and, for offices of providers with a website,
 * a functional e-mail at the provider's .example domain.
 */
export function demoOfficeExtras(key: string, locality: string, municipalityCode: string, website: string | null) {
  const h = hash32(`demo-office|${key}`);
  const place = findPlace(locality, municipalityCode) ?? mainPlace(municipalityCode);
  const jitter = (bits: number, span: number) => ((((h >>> bits) & 0xff) / 255) * 2 - 1) * span;
  const lat = place ? Math.round((place.lat + jitter(0, 0.009)) * 1e5) / 1e5 : null;
  const lon = place ? Math.round((place.lon + jitter(8, 0.016)) * 1e5) / 1e5 : null;
  const phone = h % 10 < 7 ? `070-174 06 ${String(5 + (h % 95)).padStart(2, '0')}` : null;
  const domain = website ? /^https?:\/\/(?:www\.)?([^/]+)/.exec(website)?.[1] : undefined;
  const email = domain && (h >>> 16) % 10 < 6 ? `kontakt@${domain}` : null;
  return { lat, lon, phone, email };
}

/** Six bimonthly rating periods (odd months) published before `today`, oldest first. */
export function demoPeriods(today: string, count = 6): { period: string; publishedAt: string }[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: { period: string; publishedAt: string }[] = [];
  // Walk back month by month to the newest odd month whose last day is before today.
  while (out.length < count) {
    if (m % 2 === 1) {
      const lastDay = iso(new Date(Date.UTC(y, m, 0)));
      if (lastDay < today) out.push({ period: `${y}-${String(m).padStart(2, '0')}`, publishedAt: lastDay });
    }
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return out.reverse();
}

/** Contracts per area: metro areas get the most. */
function targetContracts(area: PlannedArea, r: Random): number {
  if (area.hub === '1980') return 18; // Västerås: the demo's showcase municipality.
  if (area.tier === 3) return r.int(20, 25);
  if (area.tier === 2) return r.int(13, 19);
  return r.int(8, 12);
}

/** Language probabilities by area tier (1 small town … 3 metro); Swedish is always offered. */
const LANGUAGE_ODDS: [string, number, number, number][] = [
  ['en', 0.5, 0.65, 0.8],
  ['ar', 0.18, 0.4, 0.55],
  ['so', 0.08, 0.22, 0.3],
  ['ti', 0.05, 0.12, 0.2],
  ['prs', 0.05, 0.12, 0.18],
  ['fa', 0.06, 0.14, 0.22],
  ['ku', 0.04, 0.1, 0.16],
  ['tr', 0.03, 0.08, 0.14],
  ['bs', 0.04, 0.08, 0.1],
  ['pl', 0.05, 0.08, 0.1],
  ['ru', 0.04, 0.08, 0.12],
  ['uk', 0.06, 0.09, 0.12],
  ['es', 0.03, 0.06, 0.1],
  ['fr', 0.02, 0.04, 0.07],
  ['am', 0.02, 0.05, 0.08],
  ['fi', 0.05, 0.04, 0.05],
  ['th', 0.02, 0.02, 0.03],
  ['ps', 0.02, 0.04, 0.06],
  ['sq', 0.03, 0.06, 0.08],
];

/** Generates the whole demo data set. */
export function generateDemoData(ref: DemoReference, options: { today: Date; seed: number }): DemoRows {
  const r = createRandom(options.seed);
  const today = iso(options.today);
  const periods = demoPeriods(today);
  const dataAsOf = periods[periods.length - 1].publishedAt;

  // --- reference lookups --------------------------------------------------------------
  const postcodesBy = new Map<string, { code: string; locality: string }[]>();
  for (const p of ref.postalCodes) {
    const list = postcodesBy.get(p.municipalityCode) ?? [];
    list.push(p);
    postcodesBy.set(p.municipalityCode, list);
  }
  const knownPostcodes = new Set(ref.postalCodes.map((p) => p.code));
  const planned = planDemoAreas(
    ref.municipalities,
    new Map([...postcodesBy].map(([k, v]) => [k, v.map((p) => p.code)])),
  );

  // --- delivery areas -------------------------------------------------------------------
  const areaId = new Map<PlannedArea, number>();
  const areaRows: DemoRows['deliveryAreas'] = [];
  const damRows: DemoRows['deliveryAreaMunicipalities'] = [];
  planned.forEach((a, i) => {
    const id = ref.maxDeliveryAreaId + 1 + i;
    areaId.set(a, id);
    areaRows.push({ id, name: a.name, afRegion: a.afRegion, service: 'rom2', validFrom: '2023-01-01', validTo: null, source: 'demo' });
    for (const code of a.municipalities) {
      damRows.push({ deliveryAreaId: id, municipalityCode: code, validFrom: '2023-01-01', validTo: null, basis: DEMO_AREA_BASIS });
    }
  });

  // --- providers and who holds a contract where ----------------------------------------
  const capacity = new Map(planned.map((a) => [a, targetContracts(a, r)]));
  const holders = new Map<PlannedArea, DraftProvider[]>(planned.map((a) => [a, []]));
  const usedNames = new Set<string>();
  const usedOrgnr = new Set<string>();
  const drafts: DraftProvider[] = [];
  let soleTradersLeft = 6;

  const uniqueName = (make: () => string) => {
    for (;;) {
      const n = make();
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const compound = () => r.pick(NAME_HEADS) + r.pick(NAME_TAILS);
  const makeOrgnr = (prefix: string) => {
    // First digit 4: a group Bolagsverket does not assign to any legal form, so a demo
    // number can never belong to a real organisation. The second digit echoes the real
    // group (45… "AB", 47… "ek", 48… "ideell", 49… "HB/KB") as a mnemonic.
    for (;;) {
      let nine = prefix;
      while (nine.length < 9) nine += String(r.int(0, 9));
      const n = nine + luhnCheckDigit(nine);
      if (!usedOrgnr.has(n)) {
        usedOrgnr.add(n);
        return n;
      }
    }
  };
  const makeSoleTraderNumber = () => {
    // Birth "dates" that do not exist (30 February, 31 April …) and serials 98x: valid in
    // form and check digit, but never a real person's number.
    for (;;) {
      const yy = String(r.int(55, 95));
      const [mm, dd] = r.pick([['02', '30'], ['04', '31'], ['06', '31'], ['09', '31'], ['11', '31'], ['02', '31']]);
      const nine = `${yy}${mm}${dd}98${r.int(0, 9)}`;
      const n = nine + luhnCheckDigit(nine);
      if (!usedOrgnr.has(n)) {
        usedOrgnr.add(n);
        return n;
      }
    }
  };

  const newProvider = (kind: Kind): DraftProvider => {
    const id = ref.maxProviderId + 1 + drafts.length;
    let legalForm = 'AB';
    let name: string;
    let orgnr: string;
    let soleTrader = false;
    if (kind === 'local' && soleTradersLeft > 0 && r.chance(0.04)) {
      soleTradersLeft--;
      soleTrader = true;
      legalForm = 'EF';
      orgnr = makeSoleTraderNumber();
      name = uniqueName(() => `${compound()} ${r.pick(['Coachning', 'Vägledning', 'Jobbstöd'])}`);
    } else {
      const form = kind === 'local' ? r.weighted([['AB', 78], ['ideell', 9], ['ek', 7], ['HB/KB', 6]] as const) : 'AB';
      legalForm = form;
      const prefix = { AB: '452', ideell: '482', ek: '472', 'HB/KB': '492' }[form];
      orgnr = makeOrgnr(prefix);
      name = uniqueName(() => {
        if (form === 'ideell') return r.chance(0.5) ? `Föreningen ${compound()}` : `Stiftelsen ${compound()}`;
        if (form === 'ek') return `${compound()} Ekonomisk Förening`;
        if (form === 'HB/KB') return `${compound()} ${r.pick(NAME_KINDS)} HB`;
        if (kind !== 'national' && r.chance(0.25)) return `${r.pick(NAME_LEADS)} i ${r.pick(NAME_REGIONS)} AB`;
        return `${compound()} ${r.pick(NAME_KINDS)} AB`;
      });
    }
    const p: DraftProvider = { id, kind, orgnr, legalForm, soleTrader, name, areas: [] };
    drafts.push(p);
    return p;
  };
  const free = (a: PlannedArea) => capacity.get(a)! - holders.get(a)!.length;
  const assign = (p: DraftProvider, a: PlannedArea) => {
    p.areas.push(a);
    holders.get(a)!.push(p);
  };

  // National providers: many areas, bigger areas more likely.
  for (let i = 0; i < 8; i++) {
    const p = newProvider('national');
    const want = r.int(14, 28);
    const pool = r.shuffle(planned).sort((a, b) => b.tier - a.tier + (r.next() - 0.5) * 2.5);
    for (const a of pool) if (p.areas.length < want && free(a) > 0) assign(p, a);
  }
  // Regional providers: 3–7 areas inside one AF region.
  const regions = [...new Set(planned.map((a) => a.afRegion))];
  for (let i = 0; i < 36; i++) {
    const p = newProvider('regional');
    const region = regions[i % regions.length];
    const want = r.int(3, 7);
    for (const a of r.shuffle(planned.filter((x) => x.afRegion === region))) if (p.areas.length < want && free(a) > 0) assign(p, a);
  }
  // Local providers fill the rest: one area, sometimes a neighbour in the same county.
  for (const a of planned) {
    while (free(a) > 0) {
      const p = newProvider('local');
      assign(p, a);
      if (r.chance(0.15)) {
        const neighbour = planned.find((x) => x !== a && x.countyCode === a.countyCode && free(x) > 0);
        if (neighbour) assign(p, neighbour);
      }
    }
  }

  // --- contracts --------------------------------------------------------------------------
  const contractRows: DemoRows['contracts'] = [];
  const contractMeta: { ka: string; start: string; ended: string | null; quality: number; small: boolean }[] = [];
  let ka = 99010000;
  const firstSeenOf = new Map<number, string>();
  for (const p of drafts) {
    for (const a of p.areas) {
      ka += r.int(1, 9);
      const daysAgo = r.chance(0.1) ? r.int(45, 330) : r.int(400, 1500);
      const start = addDays(today, -daysAgo);
      const ended = daysAgo > 500 && r.chance(0.03) ? addDays(today, -r.int(20, 150)) : null;
      const accepting = ended ? false : r.weighted([[true, 88], [false, 10], [null, 2]] as const);
      contractRows.push({
        kaNumber: String(ka),
        providerId: p.id,
        deliveryAreaId: areaId.get(a)!,
        serviceCode: 'A015',
        startDate: start,
        acceptingNew: accepting,
        status: ended ? 'ended' : 'active',
        firstSeen: start,
        lastSeen: ended ?? dataAsOf,
      });
      contractMeta.push({
        ka: String(ka),
        start,
        ended,
        quality: r.weighted([[1, 15], [2, 35], [3, 35], [4, 15]] as const),
        small: r.chance(0.07),
      });
      const fs = firstSeenOf.get(p.id);
      if (!fs || start < fs) firstSeenOf.set(p.id, start);
    }
  }

  // --- providers, names, descriptions ------------------------------------------------------
  const providerRows: DemoRows['providers'] = [];
  const variantRows: DemoRows['providerNameVariants'] = [];
  let renamesLeft = 12;
  for (const p of drafts) {
    const firstSeen = firstSeenOf.get(p.id)!;
    const hasSite = !p.soleTrader || r.chance(0.5);
    const domain = p.name
      .replace(/ (AB|HB|Ekonomisk Förening)$/, '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    const description = r.chance(0.85)
      ? `${r.pick(DESCRIPTION_OPENERS)} ${r.pick(DESCRIPTION_DETAILS)}`
      : null;
    providerRows.push({
      id: p.id,
      orgnr: p.orgnr,
      legalForm: p.legalForm,
      isSoleTrader: p.soleTrader,
      displayName: p.name,
      website: hasSite ? `https://www.${domain}.example` : null,
      description,
      firstSeen,
      lastSeen: dataAsOf,
    });
    if (renamesLeft > 0 && !p.soleTrader && firstSeen < addDays(today, -500) && r.chance(0.08)) {
      renamesLeft--;
      const renamed = addDays(firstSeen, r.int(120, 360));
      const oldName = uniqueName(() => `${compound()} ${r.pick(NAME_KINDS)} AB`);
      variantRows.push({ providerId: p.id, name: oldName, seenFrom: firstSeen, seenTo: renamed, source: 'demo' });
      variantRows.push({ providerId: p.id, name: p.name, seenFrom: renamed, seenTo: null, source: 'demo' });
    } else {
      variantRows.push({ providerId: p.id, name: p.name, seenFrom: firstSeen, seenTo: null, source: 'demo' });
    }
  }

  // --- offices ------------------------------------------------------------------------------
  const websiteOf = new Map(providerRows.map((p) => [p.id!, p.website ?? null]));
  const officeRows: DemoRows['offices'] = [];
  const officeKeys = new Set<string>();
  const addOffice = (p: DraftProvider, municipality: string) => {
    const pcs = postcodesBy.get(municipality);
    if (!pcs?.length) return;
    const pc = r.pick(pcs);
    const street = `${r.pick(STREET_HEADS)}${r.pick(STREET_TAILS)} ${r.int(1, 48)}${r.chance(0.1) ? r.pick(['A', 'B']) : ''}`;
    const key = `${p.id}|${pc.code}|${street}`;
    if (officeKeys.has(key)) return;
    officeKeys.add(key);
    const firstSeen = firstSeenOf.get(p.id)!;
    const base = {
      id: ref.maxOfficeId + 1 + officeRows.length,
      providerId: p.id,
      afAddressId: null,
      street,
      ...demoOfficeExtras(key, pc.locality, municipality, websiteOf.get(p.id) ?? null),
      stepFreeAccess: r.chance(0.3) ? r.chance(0.85) : null,
      firstSeen,
      lastSeen: dataAsOf,
    };
    if (r.chance(0.012)) {
      // A postcode the reference table lacks (box or business code): municipality unknown.
      let n = Number(pc.code);
      while (knownPostcodes.has(String(n).padStart(5, '0'))) n++;
      officeRows.push({ ...base, postcode: String(n).padStart(5, '0'), town: pc.locality, municipalityCode: null, municipalityDerivation: 'unknown' });
    } else {
      officeRows.push({ ...base, postcode: pc.code, town: pc.locality, municipalityCode: municipality, municipalityDerivation: 'postcode' });
    }
  };
  for (const p of drafts) {
    for (const a of p.areas) {
      const n = r.weighted([[1, 32], [2, 40], [3, 28]] as const) + (a.tier === 3 && p.kind !== 'local' ? 1 : 0);
      for (let i = 0; i < n; i++) {
        addOffice(p, i === 0 && r.chance(0.6) ? a.hub : r.pick(a.municipalities));
      }
    }
  }

  // --- claims: languages and remote meetings ---------------------------------------------
  const claimRows: DemoRows['providerClaims'] = [];
  const languagesOf = new Map<number, Set<string>>();
  for (const p of drafts) {
    const tier = Math.max(...p.areas.map((a) => a.tier)) as 1 | 2 | 3;
    const boost = p.kind === 'national' ? 1.4 : 1;
    const langs = new Set(['sv']);
    for (const [code, ...odds] of LANGUAGE_ODDS) if (r.chance(Math.min(0.95, odds[tier - 1] * boost))) langs.add(code);
    languagesOf.set(p.id, langs);
  }
  // Västerås is the demo's showcase: make sure its list has Arabic and Somali speakers.
  const vasteras = planned.find((a) => a.hub === '1980')!;
  const ensure = (code: string, min: number) => {
    const list = holders.get(vasteras)!;
    let have = list.filter((p) => languagesOf.get(p.id)!.has(code)).length;
    for (const p of list) {
      if (have >= min) break;
      if (!languagesOf.get(p.id)!.has(code)) {
        languagesOf.get(p.id)!.add(code);
        have++;
      }
    }
  };
  ensure('ar', 4);
  ensure('so', 3);
  for (const p of drafts) {
    const site = websiteOf.get(p.id);
    const fromSite = site !== null && r.chance(0.18);
    const checkedAt = fromSite ? addDays(today, -r.int(3, 60)) : firstSeenOf.get(p.id)!;
    const sourceUrl = fromSite ? `${site}/${r.pick(['om-oss', 'sprak', 'sa-arbetar-vi'])}` : null;
    const origin = fromSite ? 'provider_site' : 'provider_declared';
    for (const code of [...languagesOf.get(p.id)!].sort()) {
      claimRows.push({ providerId: p.id, kind: 'language', value: code, origin, sourceUrl, checkedAt });
    }
    if (r.chance(0.6)) {
      claimRows.push({
        providerId: p.id,
        kind: 'remote_meetings',
        value: r.chance(0.4) ? 'yes' : 'partly',
        origin,
        sourceUrl,
        checkedAt,
      });
    }
  }

  // --- ratings ---------------------------------------------------------------------------
  const ratingRows: DemoRows['ratings'] = [];
  const sourceFile = (period: string) => `betyg-rusta-och-matcha-${period}.xlsx (demo)`;
  let revisionsLeft = 10;
  const revisedIndex = periods.length - 3;
  for (const c of contractMeta) {
    periods.forEach(({ period, publishedAt }, i) => {
      const periodEnd = publishedAt;
      if (c.start > periodEnd) return; // not yet delivering: no row in AF's file
      if (c.ended && c.ended < periodEnd) return;
      const monthsActive = (Date.parse(periodEnd) - Date.parse(c.start)) / (30.44 * DAY);
      const stars = Math.min(4, Math.max(1, c.quality + r.weighted([[0, 70], [-1, 15], [1, 15]] as const)));
      let row: (typeof ratingRows)[number];
      if (monthsActive < 12) {
        row = { contractKa: c.ka, period, stars: null, nullReason: 'too_new', sourceFile: sourceFile(period), publishedAt, revision: 1, importRunId: ref.importRunId };
      } else if (c.small) {
        row = { contractKa: c.ka, period, stars: null, nullReason: 'below_threshold', sourceFile: sourceFile(period), publishedAt, revision: 1, importRunId: ref.importRunId };
      } else {
        row = { contractKa: c.ka, period, stars, nullReason: null, sourceFile: sourceFile(period), publishedAt, revision: 1, importRunId: ref.importRunId };
      }
      ratingRows.push(row);
      if (i === revisedIndex && row.stars !== null && revisionsLeft > 0 && r.chance(0.04)) {
        revisionsLeft--;
        const next = periods[i + 1];
        const revised = row.stars! >= 4 ? 3 : row.stars! <= 1 ? 2 : row.stars! + (r.chance(0.5) ? 1 : -1);
        ratingRows.push({ ...row, stars: revised, sourceFile: sourceFile(next.period), publishedAt: next.publishedAt, revision: 2 });
      }
    });
  }

  return {
    deliveryAreas: areaRows,
    deliveryAreaMunicipalities: damRows,
    providers: providerRows,
    providerNameVariants: variantRows,
    contracts: contractRows,
    offices: officeRows,
    providerClaims: claimRows,
    ratings: ratingRows,
    dataAsOf,
    periods: periods.map((p) => p.period),
  };
}

