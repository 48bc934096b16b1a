/**
 * The crawler benchmark's fixture web site: N provider-like HTML pages (Swedish service copy,
 * ~8–15 KB each, a navigation bar, ~10 content links per page so the whole site is reachable from
 * "/"), generated deterministically in memory. Served by `crawler-site-server.ts` in its own process.
 *
 * Link structure: "/" and the eight section pages are in every page's navigation; page i links to
 * its "children" 5i+1 … 5i+5 (so a breadth-first crawl from "/" reaches every page within depth 6)
 * and to five "related" pages spread over the site, plus a few off-site, mailto: and tel: links
 * that no crawler may follow. About one page in twelve carries marketing copy the rule engine
 * flags (inducements, fees), like a real provider site would now and then.
 */

export const SECTIONS = ['tjanster', 'om-oss', 'kontor', 'aktuellt', 'deltagare', 'arbetsgivare', 'fragor-och-svar', 'kontakt'] as const;

const SECTION_TITLES: Record<(typeof SECTIONS)[number], string> = {
  tjanster: 'Våra tjänster',
  'om-oss': 'Om oss',
  kontor: 'Våra kontor',
  aktuellt: 'Aktuellt',
  deltagare: 'För dig som deltagare',
  arbetsgivare: 'För arbetsgivare',
  'fragor-och-svar': 'Frågor och svar',
  kontakt: 'Kontakta oss',
};

const TOPICS = [
  'cv-skrivning', 'intervjutraning', 'studievagledning', 'praktik', 'yrkessvenska', 'digital-kompetens',
  'jobbsokning', 'natverk', 'arbetsmarknad', 'handledning', 'motivation', 'kompetenskartlaggning',
  'personligt-brev', 'linkedin', 'validering', 'korkort', 'lager-och-logistik', 'vard-och-omsorg',
  'restaurang', 'bygg', 'it-support', 'kundservice', 'transport', 'forskola',
];

const CITIES = ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping', 'Helsingborg', 'Jönköping', 'Norrköping', 'Lund', 'Umeå', 'Gävle', 'Borås', 'Södertälje', 'Eskilstuna', 'Karlstad', 'Täby', 'Växjö', 'Halmstad'];

const SENTENCES = [
  'Hos oss får du en egen handledare som hjälper dig att hitta vägen till arbete eller studier.',
  'Vi träffas varannan vecka, och minst var fjärde vecka ses vi på vårt kontor i {city}.',
  'Du får hjälp med CV, personligt brev och intervjuträning, och vi kontaktar arbetsgivare i regionen.',
  'Tjänsten är kostnadsfri för dig som deltagare och upphandlad av Arbetsförmedlingen.',
  'Tillsammans kartlägger vi dina erfarenheter, dina styrkor och vad du behöver för att nå ditt mål.',
  'Våra handledare talar svenska, engelska, arabiska, somaliska och tigrinja.',
  'Vi anpassar stödet efter dina förutsättningar, till exempel om du har en funktionsnedsättning.',
  'Många av våra deltagare har fått anställning inom vård och omsorg, lager och logistik eller handel.',
  'Du kan välja att träffa oss på plats, via videomöte eller i en kombination av båda.',
  'Vi samarbetar med kommunen, vuxenutbildningen och lokala företag i {city} med omnejd.',
  'Under de första veckorna gör vi en gemensam planering som du sedan följer upp med din handledare.',
  'Om du vill byta bana hjälper vi dig att hitta en utbildning som leder till jobb.',
  'Vårt kontor ligger nära resecentrum och är anpassat för dig som använder rullstol.',
  'Arbetsgivare som söker personal kan kontakta oss så matchar vi kandidater mot era behov.',
  'Vi följer Arbetsförmedlingens regler och rapporterar dina aktiviteter enligt avtalet.',
  'Du har rätt att byta leverantör om du inte är nöjd med det stöd du får.',
  'Läs mer om hur vi hanterar dina personuppgifter i vår integritetspolicy.',
  'Öppettiderna är måndag till fredag klockan 8–17, lunchstängt 12–13.',
  'Vi erbjuder även gruppträffar om arbetsmarknaden, rättigheter i arbetslivet och digitala verktyg.',
  'Efter avslutad insats får du en sammanfattning av vad vi har gjort och vad nästa steg är.',
  'Varje månad anordnar vi rekryteringsträffar där du möter arbetsgivare som anställer nu.',
  'För dig som är ny i Sverige finns stöd i yrkessvenska och samhällsorientering.',
  'Ring oss gärna eller skicka ett meddelande, så återkommer vi inom två arbetsdagar.',
  'Våra lokaler finns på {street} i {city}, med parkering och busshållplats utanför.',
];

/** Marketing copy a compliance officer would want to see (and the rule engine flags). */
const PROMO_SENTENCES = [
  'Välj oss som leverantör och få ett presentkort på 500 kr!',
  'Anmälningsavgift 495 kr för Rusta och matcha tillkommer vid start.',
  'Byt till oss idag och få en surfplatta på köpet när du skriver in dig.',
];

const STREETS = ['Storgatan 12', 'Drottninggatan 4', 'Kungsgatan 33', 'Järnvägsgatan 8', 'Nygatan 19', 'Skolgatan 2'];

/** Small deterministic PRNG (mulberry32), so every run serves the same site. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The path of page `i` (0 is "/", 1–8 the section pages). */
export function pagePath(i: number): string {
  if (i === 0) return '/';
  if (i <= SECTIONS.length) return `/${SECTIONS[i - 1]}`;
  return `/${SECTIONS[i % SECTIONS.length]}/${TOPICS[i % TOPICS.length]}-${CITIES[i % CITIES.length].toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o')}-${i}`;
}

function titleOf(i: number): string {
  if (i === 0) return 'Lärkträdets Jobbcoacher – Rusta och matcha';
  if (i <= SECTIONS.length) return SECTION_TITLES[SECTIONS[i - 1]];
  const topic = TOPICS[i % TOPICS.length].replace(/-/g, ' ');
  return `${topic[0].toUpperCase()}${topic.slice(1)} i ${CITIES[i % CITIES.length]}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Paths of the pages page `i` links to in its content (children and related pages). */
export function contentLinks(i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= 5; k++) if (5 * i + k < n) out.push(5 * i + k);
  for (let k = 1; k <= 5; k++) out.push((i * 7 + 131 * k + 17) % n);
  return out.filter((j) => j !== i);
}

/** The HTML of page `i` of an `n`-page site. */
export function pageHtml(i: number, n: number): string {
  const r = rng(i * 2654435761 + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const city = CITIES[i % CITIES.length];
  const fill = (s: string) => s.replace('{city}', city).replace('{street}', pick(STREETS));
  const target = 8000 + Math.floor(r() * 7000);
  const title = titleOf(i);
  const nav = ['/', ...SECTIONS.map((s) => `/${s}`)]
    .map((p, k) => `<li><a href="${p}">${k === 0 ? 'Start' : esc(SECTION_TITLES[SECTIONS[k - 1]])}</a></li>`)
    .join('');
  const related = contentLinks(i, n)
    .map((j) => `<li><a href="${pagePath(j)}">${esc(titleOf(j))}</a></li>`)
    .join('\n        ');
  const head = `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(title)} | Lärkträdets Jobbcoacher</title>
  <meta name="description" content="Lärkträdets Jobbcoacher hjälper dig som är inskriven på Arbetsförmedlingen att komma närmare arbete eller studier.">
  <link rel="stylesheet" href="/assets/site.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
  <style>.hero{padding:2rem}.kort{border:1px solid #ccc}</style>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/"><img src="/assets/logo.svg" alt="Lärkträdets Jobbcoacher"></a>
    <nav aria-label="Huvudmeny"><ul>${nav}</ul></nav>
  </header>
  <main id="innehall">
    <nav class="brodsmulor"><a href="/">Start</a> › <span>${esc(title)}</span></nav>
    <h1>${esc(title)}</h1>
`;
  const foot = `
    <section class="relaterat">
      <h2>Relaterade sidor</h2>
      <ul>
        ${related}
      </ul>
    </section>
  </main>
  <footer class="site-footer">
    <p>Lärkträdets Jobbcoacher AB · Org.nr 556000-0000 · ${esc(pick(STREETS))}, ${esc(city)}</p>
    <p><a href="mailto:info@larktradet.example">info@larktradet.example</a> · <a href="tel:+46101234567">010-123 45 67</a></p>
    <p><a href="https://arbetsformedlingen.example/rusta-och-matcha">Om Rusta och matcha hos Arbetsförmedlingen</a> ·
       <a href="https://www.facebook.example/larktradet">Facebook</a></p>
  </footer>
  <script src="/assets/site.js" defer></script>
</body>
</html>
`;
  const parts: string[] = [];
  let size = head.length + foot.length;
  const promo = i % 12 === 5;
  let para = 0;
  while (size < target) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(r() * 4);
    for (let k = 0; k < count; k++) sentences.push(fill(pick(SENTENCES)));
    if (promo && para === 1) sentences.splice(1, 0, PROMO_SENTENCES[i % PROMO_SENTENCES.length]);
    const block =
      para % 4 === 0
        ? `    <h2>${esc(pick(TOPICS).replace(/-/g, ' '))}</h2>\n    <p>${esc(sentences.join(' '))}</p>\n`
        : para % 4 === 3
          ? `    <ul class="punkter">${sentences.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>\n`
          : `    <div class="kort"><p>${esc(sentences.join(' '))}</p></div>\n`;
    parts.push(block);
    size += block.length;
    para++;
  }
  return head + parts.join('') + foot;
}
