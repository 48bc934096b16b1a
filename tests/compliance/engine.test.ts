import { describe, expect, it } from 'vitest';
import { checkHtml, checkText, fnv1a64 } from '../../src/compliance/index';
import { diskRuleset } from './rules-on-disk';

const rs = diskRuleset();

describe('checkText', () => {
  it('returns findings in the shared shape with messages in the requested language', () => {
    const [f] = checkText(rs, 'Hej!\nVälj oss och få ett presentkort på 500 kr.', { lang: 'en' });
    expect(f).toEqual({
      ruleId: 'R22-INDUCEMENT',
      severity: 'critical',
      message: expect.stringMatching(/^The copy offers gifts/),
      suggestion: expect.stringMatching(/^Describe the support/),
      link: '/rules/R22-INDUCEMENT',
      match: 'Välj oss och få ett presentkort på 500 kr',
      start: 5,
      end: 46,
      line: 2,
      column: 1,
      context: 'Hej! Välj oss och få ett presentkort på 500 kr.',
      rulesetVersion: rs.version,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      confidence: expect.any(Number),
      certainty: 'certain',
      language: 'sv',
      evidence: [{ start: 5, end: 46, match: 'Välj oss och få ett presentkort på 500 kr' }],
    });
    expect(f.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('falls back to Swedish for unknown message languages', () => {
    const [f] = checkText(rs, 'Välj oss och få ett presentkort.', { lang: 'so' });
    expect(f.message).toMatch(/^Texten erbjuder/);
  });

  it('fingerprints are stable across runs and spelling tricks, and differ per page and rule', () => {
    const a = checkText(rs, 'Välj oss och få ett presentkort.', { pageUrl: 'https://x.se/a' })[0];
    const b = checkText(rs, 'Intro.\n\nVÄLJ оss och få ett pr3sentkort.', { pageUrl: 'https://x.se/a#top' })[0];
    const c = checkText(rs, 'Välj oss och få ett presentkort.', { pageUrl: 'https://x.se/b' })[0];
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });

  it('filters by rule ids and minimum severity', () => {
    const text = 'Välj oss och få ett presentkort. Sveriges bästa leverantör av Rusta och matcha.';
    expect(checkText(rs, text).map((f) => f.ruleId).sort()).toEqual(['R22-INDUCEMENT', 'R22-SUPERLATIVE']);
    expect(checkText(rs, text, { rules: ['R22-SUPERLATIVE'] }).map((f) => f.ruleId)).toEqual(['R22-SUPERLATIVE']);
    expect(checkText(rs, text, { minSeverity: 'high' }).map((f) => f.ruleId)).toEqual(['R22-INDUCEMENT']);
  });

  it('checks rating claims against the provider facts', () => {
    const text = 'Betyg i Uppsala: 3 av 4 stjärnor (Arbetsförmedlingen, publicerat september 2025).';
    expect(checkText(rs, text, { provider: { ratings: [{ area: 'Uppsala', stars: 3, period: '2025-09' }] } })).toEqual([]);
    const f = checkText(rs, text, { provider: { ratings: [{ area: 'Uppsala', stars: 2, period: '2025-09' }] } });
    expect(f.map((x) => [x.ruleId, x.match])).toEqual([['R22-RATING', '3 av 4 stjärnor']]);
  });
});

describe('fnv1a64', () => {
  it('matches a BigInt reference implementation', () => {
    const ref = (s: string) => {
      let h = 0xcbf29ce484222325n;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        for (const byte of [c & 0xff, c >>> 8]) {
          h ^= BigInt(byte);
          h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
        }
      }
      return h.toString(16).padStart(16, '0');
    };
    for (const s of ['', 'a', 'R22-INDUCEMENT\u0000valj oss\u0000https://x.se/', 'gåva هدية 🎁']) expect(fnv1a64(s)).toBe(ref(s));
  });
});

describe('checkHtml', () => {
  const page = `<!doctype html><html><head><title>Jobbia – Rusta och matcha</title>
<meta name="description" content="Rekommenderad av Arbetsförmedlingen">
<script>var gift = "Välj oss och få ett presentkort";</script><style>.x{content:"presentkort"}</style></head>
<body class="et_fixed_nav">
<nav><a href="/">Välj oss – få presentkort</a></nav>
<div id="cookie-banner">Vi ger dig bästa möjliga upplevelse. Acceptera cookies och få en gåva när du väljer oss.</div>
<main><h1>Välkommen</h1>
<p>Välj oss och få ett <b>present</b>kort&nbsp;på 500&nbsp;kr!</p>
<p hidden>Alla nya deltagare får en surfplatta.</p>
<img src="/img/arbetsformedlingen-logo.png" alt="">
<noscript>Gratis iPad när du väljer oss</noscript><template>Välj oss och få en gåva</template>
</main></body></html>`;

  it('reads visible text, meta and images, and skips scripts, styles, nav, cookie banners and hidden text', () => {
    const f = checkHtml(rs, page);
    expect(f.map((x) => [x.ruleId, x.match])).toEqual([
      ['R22-ENDORSEMENT', 'Rekommenderad av Arbetsförmedlingen'],
      ['R22-INDUCEMENT', 'Välj oss och få ett presentkort på 500 kr'],
      ['R22-LOGO', 'arbetsformedlingen'],
    ]);
  });

  it('maps offsets into the HTML source, across inline tags and entities', () => {
    const f = checkHtml(rs, page).find((x) => x.ruleId === 'R22-INDUCEMENT')!;
    expect(page.slice(f.start, f.end)).toBe('Välj oss och få ett <b>present</b>kort&nbsp;på 500&nbsp;kr');
    const lines = page.slice(0, f.start).split('\n');
    expect([f.line, f.column]).toEqual([lines.length, lines[lines.length - 1].length + 1]);
  });

  it('flags a page title that impersonates AF and a look-alike domain', () => {
    const html = '<html><head><title>Arbetsförmedlingen Rinkeby – boka ditt möte här</title></head><body><p>Hej</p></body></html>';
    const f = checkHtml(rs, html, { pageUrl: 'https://af-rinkeby.se/' });
    expect(f.map((x) => x.ruleId)).toEqual(['R22-IMPERSONATION', 'R22-IMPERSONATION']);
    expect(f.find((x) => x.line === 0)?.context).toBe('page URL: af-rinkeby.se');
    expect(checkHtml(rs, html, { pageUrl: 'https://arbetsformedlingen.se/x' }).filter((x) => x.line === 0)).toEqual([]);
  });

  it("reads a page on AF's own domain as AF speaking: no provider rule applies (round 5, who speaks)", () => {
    const text = 'Fyra stjärnor är det högsta betyget. Leverantörerna får högre ersättning ju snabbare deltagarna får jobb, och 24 procent har fått arbete.';
    expect(checkText(rs, `Välj oss! Vi är bäst i Sverige. ${text}`, { pageUrl: 'https://jobbia.se/' }).length).toBeGreaterThan(0);
    expect(checkText(rs, `Välj oss! Vi är bäst i Sverige. ${text}`, { pageUrl: 'https://arbetsformedlingen.se/for-arbetssokande' })).toEqual([]);
    expect(checkText(rs, 'Vi är bäst i Sverige.', { pageUrl: 'https://www.arbetsformedlingen.se/x' })).toEqual([]);
    // A look-alike host is not AF.
    expect(checkText(rs, 'Vi är bäst i Sverige.', { pageUrl: 'https://arbetsformedlingen.se.example.com/' }).length).toBeGreaterThan(0);
  });

  it('reads a programme-named domain as a possible lead only, an AF look-alike domain as certain', () => {
    const [f] = checkText(rs, 'Välkommen!', { pageUrl: 'https://www.rusta-o-matcha.se/om' });
    expect([f?.ruleId, f?.certainty]).toEqual(['R22-IMPERSONATION', 'possible']);
    const [g] = checkText(rs, 'Välkommen!', { pageUrl: 'https://arbetsformedlingen-rinkeby.se/' });
    expect([g?.ruleId, g?.certainty]).toEqual(['R22-IMPERSONATION', 'certain']);
  });

  it('keeps a claim certain only where the provider speaks, and says why it is a lead elsewhere (round 6, who speaks)', () => {
    const claim = (text: string, opts = {}) => checkText(rs, text, opts).find((f) => f.ruleId === 'R22-SUPERLATIVE');
    // Third person, nobody addressed: the press or an association may be describing the market.
    const news = claim('Solbacken Jobb är den bästa leverantören i Sundsvall, enligt en lokal jämförelse.');
    expect([news?.certainty, news?.possibleReason]).toEqual(['possible', 'speaker_unclear']);
    expect(news!.confidence).toBeLessThanOrEqual(0.6);
    // The same claim in the provider's voice, or on a page the caller knows is the provider's, is certain.
    const own = claim('Vi är den bästa leverantören i Sundsvall. Välkommen till oss!');
    expect([own?.certainty, own?.possibleReason]).toEqual(['certain', undefined]);
    const onSite = claim('Solbacken Jobb är den bästa leverantören i Sundsvall.', { provider: { name: 'Solbacken Jobb' } });
    expect(onSite?.certainty).toBe('certain');
    // A quoted "vi" ("säger vd:n") is the quoted person's voice, not the page's.
    const quoted = claim('– Vi är den bästa leverantören i Sundsvall, säger vd:n Anna Berg. Bolaget har två stjärnor.');
    expect(quoted?.certainty).toBe('possible');
    // "var" (was) is not "vår" (our), though both fold to the same letters.
    const was = claim('Solbacken Jobb var den största leverantören i Sundsvall förra året.');
    expect(was?.certainty).toBe('possible');
  });

  it('flags an offer that appears only in a non-Swedish block (language parity)', () => {
    const html = `<main><section lang="sv"><p>Tjänsten är kostnadsfri för dig som deltagare.</p></section>
<section lang="ar"><p>اخترنا واحصل على بطاقة هدية بقيمة 500 كرونة</p></section></main>`;
    expect(checkHtml(rs, html).map((x) => x.ruleId).sort()).toEqual(['R22-INDUCEMENT', 'R22-LANGPARITY']);
    const faithful = `<main><p>Vi hjälper dig med CV.</p><p>نساعدك في كتابة السيرة الذاتية.</p></main>`;
    expect(checkHtml(rs, faithful)).toEqual([]);
  });

  it('reads JSON-LD AggregateRating that reuses AF stars', () => {
    const html = `<script type="application/ld+json">{"@type":"Organization","name":"Jobbia","aggregateRating":{"@type":"AggregateRating","ratingValue":5,"bestRating":5,"author":{"name":"Arbetsförmedlingen"}}}</script>`;
    const [f] = checkHtml(rs, html);
    expect(f.ruleId).toBe('R22-RATING');
    expect(f.context.startsWith('JSON-LD:')).toBe(true);
    expect(html.slice(f.start, f.end)).toBe('"ratingValue"');
    const google = html.replace('Arbetsförmedlingen', 'Google');
    expect(checkHtml(rs, google)).toEqual([]);
  });

  it('ignores the staff job ad section of a provider page', () => {
    const html = `<section><h2>Lediga tjänster</h2><p>Vi söker en jobbcoach. Som anställd får du friskvårdsbidrag och bonus när nya deltagare väljer oss.</p></section>`;
    expect(checkHtml(rs, html)).toEqual([]);
  });
});

describe('hyphen-split words', () => {
  const rs = diskRuleset();
  it('a word split by a hyphen also starts a longer term ("Arbets-förmedlingens logotyp")', () => {
    const [f] = checkText(rs, 'Våra flyers pryds av Arbets-förmedlingens logotyp.').filter((x) => x.ruleId === 'R22-LOGO');
    expect(f?.match).toContain('Arbets-förmedlingens logotyp');
  });
});
