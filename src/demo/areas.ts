/**
 * Fictional RoM2-style delivery areas for the demo data: each county's municipalities are
 * split into 1–4 areas around hub towns (hand-picked), and every other municipality joins
 * the hub whose postcodes are numerically closest (Swedish postcodes follow geography).
 * Together the areas cover every municipality exactly once. Not AF's real areas.
 */

export interface AreaHub {
  /** Hub municipality code. */
  hub: string;
  /** Area name; defaults to the hub municipality's name. */
  name?: string;
  /** 3 = metro, 2 = city, 1 = smaller town: drives contract counts and language mix. */
  tier: 1 | 2 | 3;
}

/** Hubs per county code. */
export const DEMO_AREA_HUBS: Record<string, AreaHub[]> = {
  '01': [
    { hub: '0180', name: 'Stockholm Mitt', tier: 3 },
    { hub: '0160', name: 'Stockholm Nord', tier: 3 },
    { hub: '0126', name: 'Stockholm Syd', tier: 3 },
    { hub: '0181', tier: 2 },
  ],
  '03': [{ hub: '0380', tier: 2 }, { hub: '0381', tier: 1 }],
  '04': [{ hub: '0484', tier: 2 }, { hub: '0480', tier: 1 }],
  '05': [{ hub: '0580', tier: 2 }, { hub: '0581', tier: 2 }, { hub: '0583', tier: 1 }],
  '06': [{ hub: '0680', tier: 2 }, { hub: '0683', tier: 1 }, { hub: '0682', tier: 1 }],
  '07': [{ hub: '0780', tier: 2 }, { hub: '0781', tier: 1 }],
  '08': [{ hub: '0880', tier: 1 }, { hub: '0883', tier: 1 }, { hub: '0882', tier: 1 }],
  '09': [{ hub: '0980', tier: 1 }],
  '10': [{ hub: '1080', tier: 1 }, { hub: '1082', tier: 1 }],
  '12': [
    { hub: '1280', tier: 3 },
    { hub: '1281', tier: 2 },
    { hub: '1283', tier: 2 },
    { hub: '1290', tier: 2 },
  ],
  '13': [{ hub: '1380', tier: 2 }, { hub: '1383', tier: 1 }],
  '14': [
    { hub: '1480', name: 'Göteborg Mitt', tier: 3 },
    { hub: '1490', tier: 2 },
    { hub: '1488', tier: 2 },
    { hub: '1496', tier: 1 },
  ],
  '17': [{ hub: '1780', tier: 2 }, { hub: '1784', tier: 1 }, { hub: '1781', tier: 1 }],
  '18': [{ hub: '1880', tier: 2 }, { hub: '1883', tier: 1 }],
  '19': [{ hub: '1980', tier: 2 }, { hub: '1983', tier: 1 }, { hub: '1981', tier: 1 }],
  '20': [{ hub: '2080', tier: 1 }, { hub: '2081', tier: 1 }, { hub: '2062', tier: 1 }],
  '21': [{ hub: '2180', tier: 2 }, { hub: '2182', name: 'Bollnäs-Söderhamn', tier: 1 }, { hub: '2184', tier: 1 }],
  '22': [{ hub: '2281', tier: 2 }, { hub: '2284', tier: 1 }],
  '23': [{ hub: '2380', tier: 1 }, { hub: '2361', tier: 1 }],
  '24': [{ hub: '2480', tier: 2 }, { hub: '2482', tier: 1 }, { hub: '2481', tier: 1 }],
  '25': [{ hub: '2580', tier: 2 }, { hub: '2584', tier: 1 }, { hub: '2581', tier: 1 }],
};

/** Placements the postcode heuristic gets wrong or that the area name promises. */
const FORCED: Record<string, string> = { '2183': '2182' };

/** AF region per county (Arbetsförmedlingen's six regions). */
export const AF_REGION_BY_COUNTY: Record<string, string> = {
  '01': 'Stockholm-Gotland', '09': 'Stockholm-Gotland',
  '03': 'Mitt', '17': 'Mitt', '18': 'Mitt', '19': 'Mitt', '20': 'Mitt', '21': 'Mitt',
  '04': 'Öst', '05': 'Öst', '06': 'Öst', '08': 'Öst',
  '13': 'Väst', '14': 'Väst',
  '07': 'Syd', '10': 'Syd', '12': 'Syd',
  '22': 'Nord', '23': 'Nord', '24': 'Nord', '25': 'Nord',
};

export interface PlannedArea {
  name: string;
  afRegion: string;
  countyCode: string;
  hub: string;
  tier: 1 | 2 | 3;
  /** Member municipality codes, hub first, then ascending. */
  municipalities: string[];
}

/**
 * Splits all municipalities into demo delivery areas.
 * `postcodesByMunicipality` gives each municipality's postcodes (for the proximity heuristic).
 */
export function planDemoAreas(
  municipalities: { code: string; name: string; countyCode: string }[],
  postcodesByMunicipality: Map<string, string[]>,
): PlannedArea[] {
  const nameOf = new Map(municipalities.map((m) => [m.code, m.name]));
  const median = (code: string): number | null => {
    const pcs = postcodesByMunicipality.get(code);
    if (!pcs || pcs.length === 0) return null;
    const sorted = [...pcs].sort();
    return Number(sorted[Math.floor(sorted.length / 2)]);
  };
  const areas: PlannedArea[] = [];
  for (const countyCode of Object.keys(DEMO_AREA_HUBS).sort()) {
    const hubs = DEMO_AREA_HUBS[countyCode];
    const members = new Map<string, string[]>(hubs.map((h) => [h.hub, [h.hub]]));
    const inCounty = municipalities.filter((m) => m.countyCode === countyCode).map((m) => m.code).sort();
    for (const code of inCounty) {
      if (members.has(code)) continue;
      let best = FORCED[code];
      if (!best) {
        const pos = median(code);
        let bestDist = Infinity;
        for (const h of hubs) {
          const hp = median(h.hub);
          const dist = pos === null || hp === null ? Infinity : Math.abs(pos - hp);
          if (dist < bestDist) [best, bestDist] = [h.hub, dist];
        }
        best ??= hubs[0].hub;
      }
      members.get(best)!.push(code);
    }
    for (const h of hubs) {
      areas.push({
        name: h.name ?? nameOf.get(h.hub) ?? h.hub,
        afRegion: AF_REGION_BY_COUNTY[countyCode],
        countyCode,
        hub: h.hub,
        tier: h.tier,
        municipalities: members.get(h.hub)!,
      });
    }
  }
  return areas;
}
