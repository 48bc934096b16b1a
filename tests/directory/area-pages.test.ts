import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app';
import { seedAreaFixture } from './area-fixture';
import { resultSentences } from '../../src/directory/pages/contract-results';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: seedAreaFixture });
});
afterAll(() => t.close());

const get = (path: string) => t.app.request(path);
const html = async (path: string) => {
  const res = await get(path);
  return { status: res.status, text: await res.text(), res };
};
/** Visible text with tags removed and white space collapsed. */
const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('delivery-area list', () => {
  it('lists areas in Swedish and English and links each page', async () => {
    const sv = await html('/omraden');
    expect(sv.status).toBe(200);
    expect(sv.text).toContain('<h1>Leveransområden</h1>');
    expect(sv.text).toContain('href="/omrade/vasteras"');
    expect(sv.text).toContain('href="/omrade/goteborg-syd-ost"');
    expect(plain(sv.text)).toContain('kommuner okända');
    expect(sv.res.headers.get('etag')).toBeTruthy();
    const en = await html('/en/areas');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('href="/en/area/vasteras"');
  });
  it('is linked from the home page and the footer', async () => {
    const home = await html('/');
    expect(home.text.match(/href="\/omraden"/g)!.length).toBeGreaterThanOrEqual(2);
    expect((await html('/en/')).text).toContain('href="/en/areas"');
  });
  it('redirects the Swedish-shaped English paths of the language switch', async () => {
    expect((await get('/en/omraden')).headers.get('location')).toBe('/en/areas');
    expect((await get('/en/omrade/vasteras')).headers.get('location')).toBe('/en/area/vasteras');
  });
});

describe('delivery-area page', () => {
  it('shows municipalities with basis, contracts with rating, results in plain words and AF\'s risk flag', async () => {
    const { status, text } = await html('/omrade/vasteras');
    expect(status).toBe(200);
    const p = plain(text);
    expect(text).toContain('<h1>Leveransområde Västerås</h1>');
    expect(text).toContain('href="/kommun/vasteras"');
    expect(text).toContain('href="/kommun/fagersta"');
    expect(p).toContain('(demodata)');
    expect(text).toContain('href="/leverantor/1"');
    expect(p).toContain('Av 98 deltagare som började för 11–22 månader sedan fick 40 jobb eller började studera');
    expect(p).toContain('25 av resultaten räknades också som ett andra resultat (RR2)');
    expect(p).toContain('viktade resultatmått: 0,412');
    expect(p).toContain('Riskerar hävning: Ja');
    expect(p).toContain('Riskerar hävning: Nej');
    expect(p).toContain('Period september 2026. Källa: Arbetsförmedlingens resultatfil resultatuppfoljning-2026-09.xlsx');
    // Gamma's period had neither the risk column nor the RR counts: said so, not guessed.
    expect(p).toContain('Av 25 deltagare som började för 11–22 månader sedan: Arbetsförmedlingen har inte publicerat hur många');
    expect(p).toContain('Riskerar hävning: uppgiften finns inte i Arbetsförmedlingens fil för perioden');
    expect(text).toContain('href="/om-betyg#resultat"');
  });
  it('says plainly that an area\'s municipalities are unknown', async () => {
    const p = plain((await html('/omrade/goteborg-syd-ost')).text);
    expect(p).toContain('Vi vet inte vilka kommuner som hör till området');
    expect(p).toContain('Sök leverantör hos Arbetsförmedlingen');
  });
  it('renders in English', async () => {
    const p = plain((await html('/en/area/vasteras')).text);
    expect(p).toContain('Of 98 participants who started 11–22 months ago, 40 got a job or started studying');
    expect(p).toContain('Riskerar hävning (at risk of termination): Ja (yes)');
  });
  it('redirects a non-canonical slug and 404s an unknown one', async () => {
    expect((await get('/omrade/VASTERAS')).headers.get('location')).toBe('/omrade/vasteras');
    const missing = await html('/omrade/atlantis');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('atlantis');
    expect((await get('/en/area/atlantis')).status).toBe(404);
  });
  it('escapes hostile area names', async () => {
    await t.client.execute("INSERT INTO delivery_areas (name, service, source) VALUES ('<script>x</script> Ort', 'rom2', 'test')");
    const page = await html('/omrade/script-x-script-ort');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>x</script>');
  });
});

describe('provider page results', () => {
  it('shows the latest results in plain words with period, source and risk flag', async () => {
    const p = plain((await html('/leverantor/2')).text);
    expect(p).toContain('Av 40 deltagare som började för 11–22 månader sedan fick 3 jobb eller började studera');
    expect(p).toContain('Riskerar hävning: Ja');
    expect(p).toContain('Arbetsförmedlingens uppgift, period september 2026');
  });
});

describe('municipality page: delivery area', () => {
  it('names the known area with its basis and links it', async () => {
    const { text } = await html('/kommun/vasteras');
    expect(text).toContain('href="/omrade/vasteras"');
    expect(plain(text)).not.toContain('Vi vet inte vilket leveransområde');
  });
  it('says plainly when the area is unknown, lists providers with an office there, and points onwards', async () => {
    const { status, text } = await html('/kommun/umea');
    expect(status).toBe(200);
    const p = plain(text);
    expect(p).toContain('Vi vet inte vilket leveransområde Umeå hör till');
    expect(p).toContain('Vi gissar inte');
    expect(p).toContain('Leverantörer med kontor i Umeå');
    expect(text).toContain('href="/leverantor/5"');
    expect(p).toContain('Rådhusesplanaden 1, 903 26 Umeå');
    expect(text).toContain('href="/omraden"');
    expect(text).toContain('href="https://arbetsformedlingen.se/for-arbetssokande/extra-stod/stod-a-o/rusta-och-matcha/sok-leverantor-inom-rusta-och-matcha"');
    // No guessed "no providers" verdict either.
    expect(p).not.toContain('Vi har inga leverantörer för den här kommunen');
  });
  it('says so in English too, and when no office is known', async () => {
    const p = plain((await html('/en/kommun/goteborg')).text);
    expect(p).toContain('We do not know which delivery area Göteborg belongs to');
    expect(p).toContain('We know of no provider with an office in the municipality');
  });
});

describe('/om-betyg', () => {
  it('explains results and "riskerar hävning" and what they do not mean', async () => {
    const p = plain((await html('/om-betyg')).text);
    expect(p).toContain('11–22 månader före mätningen');
    expect(p).toContain('betyder inte att avtalet är hävt');
    expect(plain((await html('/en/om-betyg')).text)).toContain('does not mean the contract has been or will be terminated');
  });
});

describe('resultSentences', () => {
  const row = { period: '2026-09', participants: 1, participantsA: 1, participantsB: 0, participantsC: 0, rr1A: 1, rr1B: 0, rr1C: 0, rr2A: null, rr2B: null, rr2C: null, weightedScore: null } as any;
  it('uses the singular for one participant and leaves out an unknown RR2', () => {
    expect(resultSentences('sv', row)).toEqual(['Av 1 deltagare som började för 11–22 månader sedan fick 1 jobb eller började studera så att det räknades som ett första resultat (RR1).']);
  });
  it('says there is nothing to show with no participants', () => {
    expect(resultSentences('en', { ...row, participants: 0 })).toEqual(['No participant started 11–22 months ago, so there is no result to show.']);
  });
});
