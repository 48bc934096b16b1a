/**
 * Test helper: the directory fixture plus what AF's results files add — results for two
 * periods (one revised, one without the risk column, one without RR counts), an area whose
 * municipalities are unknown, and an office in a municipality with no known area (Umeå).
 */
import { contractResults, contracts, deliveryAreas, offices, providerNameVariants } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { runBatch } from '../../src/db/types';
import { seedDirectoryFixture } from '../helpers/directory-fixture';

const base = { sourceFile: 'resultatuppfoljning-2026-09.xlsx', publishedAt: '2026-09-30' };

/** Seeds the directory fixture and the area/results additions. */
export async function seedAreaFixture(db: Db): Promise<void> {
  await seedDirectoryFixture(db);
  await runBatch(db, [
    db.insert(deliveryAreas).values({ id: 102, name: 'Göteborg Syd-Öst', afRegion: 'Väst', service: 'rom2', source: 'betyg-rusta-och-matcha-maj-2026.xlsx' }),
    db.insert(contracts).values({ kaNumber: '10070123', providerId: 5, deliveryAreaId: 102, startDate: '2024-05-01', acceptingNew: null, firstSeen: '2026-05-01', lastSeen: '2026-11-01' }),
    // Alfa (KA-100001): 2026-07 first published, then revised; 2026-09 with every column.
    db.insert(contractResults).values([
      { contractKa: 'KA-100001', period: '2026-07', participants: 90, participantsA: 30, participantsB: 30, participantsC: 30, rr1A: 10, rr1B: 12, rr1C: 8, rr2A: 5, rr2B: 6, rr2C: 4, weightedScore: 0.31, active22Months: true, atRiskOfTermination: false, ...base, publishedAt: '2026-07-31', sourceFile: 'resultatuppfoljning-2026-07.xlsx', revision: 1 },
      { contractKa: 'KA-100001', period: '2026-07', participants: 91, participantsA: 31, participantsB: 30, participantsC: 30, rr1A: 11, rr1B: 12, rr1C: 8, rr2A: 5, rr2B: 6, rr2C: 4, weightedScore: 0.32, active22Months: true, atRiskOfTermination: false, ...base, revision: 2 },
      { contractKa: 'KA-100001', period: '2026-09', participants: 98, participantsA: 40, participantsB: 30, participantsC: 28, rr1A: 18, rr1B: 14, rr1C: 8, rr2A: 10, rr2B: 9, rr2C: 6, weightedScore: 0.412, active22Months: true, atRiskOfTermination: false, noRating: false, ratingOneOrNone: false, weightedScoreBelow02: false, ...base, revision: 1 },
      // Beta in Västerås: at risk, as AF printed it.
      { contractKa: 'KA-100002', period: '2026-09', participants: 40, participantsA: 10, participantsB: 10, participantsC: 20, rr1A: 1, rr1B: 1, rr1C: 1, rr2A: 0, rr2B: 0, rr2C: 1, weightedScore: 0.12, active22Months: true, atRiskOfTermination: true, ratingOneOrNone: true, weightedScoreBelow02: true, ...base, revision: 1 },
      // Gamma: a period without RISKERAR HÄVNING and without the RR columns.
      { contractKa: 'KA-100003', period: '2026-09', participants: 25, weightedScore: 0.2, ...base, revision: 1 },
    ]),
    db.insert(offices).values({ providerId: 5, street: 'Rådhusesplanaden 1', postcode: '90326', town: 'Umeå', municipalityCode: '2480', municipalityDerivation: 'postcode', firstSeen: '2024-01-01', lastSeen: '2026-11-01' }),
    db.insert(providerNameVariants).values({ providerId: 5, name: 'Épsilon Östergötland Arbete', seenFrom: '2020-01-01', seenTo: '2021-12-31', source: 'fixture' }),
  ]);
}
