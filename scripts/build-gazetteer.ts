/**
 * Writes src/directory/gazetteer-data.ts from data/reference/orter-geonames.csv (GeoNames,
 * CC BY 4.0): the Swedish localities whose centre points serve as reference points for
 * distances. Bundled as a module so the Worker needs no file access and no table.
 * Run: npx tsx scripts/build-gazetteer.ts   (a test checks the module is in sync)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gazetteerModuleSource } from '../src/directory/gazetteer-build';

const csv = readFileSync(new URL('../data/reference/orter-geonames.csv', import.meta.url), 'utf8');
const source = gazetteerModuleSource(csv);
writeFileSync(new URL('../src/directory/gazetteer-data.ts', import.meta.url), source);
console.log(`wrote src/directory/gazetteer-data.ts (${source.length} bytes)`);
