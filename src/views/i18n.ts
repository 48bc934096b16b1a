/**
 * Interface text in Swedish and English. Swedish is the default; English pages live under
 * /en. Plain words, short sentences: many readers have limited Swedish.
 */
export type Locale = 'sv' | 'en';

const sv = {
  siteName: 'Valkollen',
  tagline: 'Hitta leverantörer av Rusta och matcha där du bor',
  skip: 'Hoppa till innehållet',
  langSwitch: 'In English',
  langSwitchCode: 'en',
  searchLabel: 'Kommun, ort eller postnummer',
  searchHint: 'Till exempel Västerås, vasteras eller 722 11',
  searchButton: 'Sök',
  browseByCounty: 'Alla kommuner per län',
  whatIsTitle: 'Vad är Rusta och matcha?',
  whatIs:
    'Rusta och matcha är stöd för dig som söker jobb. En leverantör hjälper dig att söka jobb eller börja studera. Du väljer själv leverantör. Valet gör du hos Arbetsförmedlingen.',
  notAf: 'Valkollen är inte Arbetsförmedlingen. Vi visar alla leverantörer lika och tar inte betalt av någon.',
  howOrdered: 'Hur listan är ordnad',
  aboutRatings: 'Om betyg och ordning',
  searchResults: 'Sökresultat',
  noMatches: 'Vi hittade ingen kommun som matchar',
  noMatchesHelp: 'Kontrollera stavningen, skriv början av namnet, eller välj kommun i listan nedan.',
  didYouMean: 'Menade du',
  providersIn: 'Leverantörer i',
  county: 'Län',
  providersCount: '{n} leverantörer',
  providerCountOne: '1 leverantör',
  filters: 'Filtrera',
  filterLang: 'Språk som personalen talar',
  anyLanguage: 'Alla språk',
  filterAccepting: 'Tar emot nya deltagare',
  filterMinRating: 'Lägsta betyg',
  anyRating: 'Alla (även utan betyg)',
  starsAtLeast: 'Minst {n} stjärnor',
  sortLabel: 'Ordning',
  sortDaily: 'Dagens blandade ordning (standard)',
  sortRating: 'Betyg, högst först',
  sortName: 'Namn, A–Ö',
  apply: 'Visa',
  clearFilters: 'Rensa filter',
  orderDaily:
    'Listan är blandad. Ordningen byts varje dag och är samma för alla. Ingen leverantör kan betala för en bättre plats.',
  orderRating: 'Sorterad efter Arbetsförmedlingens betyg, högst först. Leverantörer med samma betyg står i dagens blandade ordning. Leverantörer utan betyg står sist.',
  orderName: 'Sorterad efter namn, A–Ö.',
  compareSelected: 'Jämför valda (2–3)',
  compareThis: 'Jämför',
  noProvidersFiltered: 'Ingen leverantör matchar dina filter.',
  noProviders: 'Vi har inga leverantörer för den här kommunen just nu.',
  deliveryArea: 'Leveransområde',
  rating: 'Betyg',
  ratingStars: '{n} av 4 stjärnor',
  noRatingYet: 'Inget betyg ännu',
  reason_too_new: 'leverantören har varit verksam kortare än 12 månader',
  reason_below_threshold: 'för få deltagare har börjat (minst 18 behövs)',
  reason_not_published: 'Arbetsförmedlingen har inte publicerat något betyg',
  ratingPeriod: 'period {p}',
  ratingSource: 'Källa: {s}, publicerad {d}',
  accepting: 'Tar emot nya deltagare',
  notAccepting: 'Tar inte emot nya deltagare just nu',
  acceptingUnknown: 'Okänt om nya deltagare tas emot',
  languages: 'Språk',
  languagesNone: 'Inga uppgifter om språk',
  origin_official: 'uppgift från Arbetsförmedlingen',
  origin_provider_declared: 'enligt leverantören',
  origin_provider_site: 'enligt leverantörens webbplats',
  remote: 'Möten på distans',
  remote_yes: 'Erbjuder möten på distans (fysiska möten krävs ändå minst var fjärde vecka)',
  remote_partly: 'Vissa möten på distans (fysiska möten krävs minst var fjärde vecka)',
  remote_no: 'Inga möten på distans',
  offices: 'Kontor',
  officesHere: 'Kontor i kommunen',
  noOfficeHere: 'Inget kontor i kommunen. Närmaste kontor finns i leveransområdet.',
  officesTotal: '{n} kontor totalt',
  website: 'Webbplats',
  websiteNote: 'Leverantörens egen webbplats. Texten där är leverantörens marknadsföring.',
  orgnr: 'Organisationsnummer',
  soleTraderMasked: 'Enskild firma: numret är ett personnummer och visas inte.',
  orgnrUnknown: 'Inte känt ännu: Arbetsförmedlingens betygsfiler anger bara namnet.',
  description: 'Leverantörens egen beskrivning',
  contracts: 'Avtal och betyg per leveransområde',
  contractNumber: 'Avtalsnummer (KA)',
  startDate: 'Avtalet började',
  ratingHistory: 'Betygshistorik',
  period: 'Period',
  stars: 'Betyg',
  published: 'Publicerad',
  source: 'Källa',
  revised: 'Reviderad (version {n})',
  superseded: 'ersatt av senare version',
  ended: 'Avslutat avtal',
  formerNames: 'Tidigare namn',
  inDirectorySince: 'I katalogen sedan {d}',
  dataAsOf: 'Uppgifterna gäller {d}',
  dataSource: 'Källa: {s}',
  demoData: 'Demodata: påhittade leverantörer för att visa hur tjänsten fungerar.',
  compareTitle: 'Jämför leverantörer',
  compareHelp: 'Välj två eller tre leverantörer i listan på en kommunsida och tryck på Jämför.',
  compareTooMany: 'Du kan jämföra högst tre leverantörer. Vi visar de tre första.',
  backToList: 'Tillbaka till listan',
  notFoundTitle: 'Sidan finns inte',
  notFoundText: 'Vi hittade inte det du letade efter. Sök på din kommun eller ditt postnummer:',
  errorTitle: 'Något gick fel',
  bodyTooLarge: 'Det du skickade är för långt: gränsen är {limit}. Korta texten och försök igen.',
  ambiguousTitle: 'Flera kommuner heter så',
  ambiguousText: 'Välj den kommun du menar:',
  homeLink: 'Till startsidan',
  footerAbout: 'Valkollen visar alla leverantörer av Rusta och matcha på samma sätt. Betyg och avtal kommer från Arbetsförmedlingens publicerade filer.',
  accessibility: 'Tillgänglighet',
  page: 'Sida {p} av {n}',
  next: 'Nästa sida',
  prev: 'Föregående sida',
  resultsNav: 'Sidor',
  viewProvider: 'Visa {name}',
  unknownMunicipality: 'okänd kommun',
  step_free_unknown: 'Tillgänglighet för rullstol: okänd',
  step_free_yes: 'Entré utan trappsteg',
  step_free_no: 'Entrén har trappsteg',
};

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  siteName: 'Valkollen',
  tagline: 'Find Rusta och matcha providers where you live',
  skip: 'Skip to content',
  langSwitch: 'På svenska',
  langSwitchCode: 'sv',
  searchLabel: 'Municipality, town or postcode',
  searchHint: 'For example Västerås, vasteras or 722 11',
  searchButton: 'Search',
  browseByCounty: 'All municipalities by county',
  whatIsTitle: 'What is Rusta och matcha?',
  whatIs:
    'Rusta och matcha ("prepare and match") is support for job seekers. A provider helps you find a job or start studying. You choose the provider yourself. You tell Arbetsförmedlingen (the Swedish Public Employment Service) your choice.',
  notAf: 'Valkollen is not Arbetsförmedlingen. We show every provider the same way and take no money from anyone.',
  howOrdered: 'How the list is ordered',
  aboutRatings: 'About ratings and order',
  searchResults: 'Search results',
  noMatches: 'We found no municipality matching',
  noMatchesHelp: 'Check the spelling, type the start of the name, or pick a municipality from the list below.',
  didYouMean: 'Did you mean',
  providersIn: 'Providers in',
  county: 'County',
  providersCount: '{n} providers',
  providerCountOne: '1 provider',
  filters: 'Filter',
  filterLang: 'Language spoken by staff',
  anyLanguage: 'Any language',
  filterAccepting: 'Accepting new participants',
  filterMinRating: 'Minimum rating',
  anyRating: 'Any (including unrated)',
  starsAtLeast: 'At least {n} stars',
  sortLabel: 'Order',
  sortDaily: "Today's mixed order (default)",
  sortRating: 'Rating, highest first',
  sortName: 'Name, A–Z',
  apply: 'Show',
  clearFilters: 'Clear filters',
  orderDaily: 'The list is mixed. The order changes every day and is the same for everyone. No provider can pay for a better place.',
  orderRating: "Sorted by Arbetsförmedlingen's rating, highest first. Providers with the same rating are in today's mixed order. Unrated providers come last.",
  orderName: 'Sorted by name, A–Z.',
  compareSelected: 'Compare selected (2–3)',
  compareThis: 'Compare',
  noProvidersFiltered: 'No provider matches your filters.',
  noProviders: 'We have no providers for this municipality at the moment.',
  deliveryArea: 'Delivery area',
  rating: 'Rating',
  ratingStars: '{n} of 4 stars',
  noRatingYet: 'No rating yet',
  reason_too_new: 'the provider has been active for less than 12 months',
  reason_below_threshold: 'too few participants have started (at least 18 are needed)',
  reason_not_published: 'Arbetsförmedlingen has not published a rating',
  ratingPeriod: 'period {p}',
  ratingSource: 'Source: {s}, published {d}',
  accepting: 'Accepting new participants',
  notAccepting: 'Not accepting new participants at the moment',
  acceptingUnknown: 'Unknown whether new participants are accepted',
  languages: 'Languages',
  languagesNone: 'No information about languages',
  origin_official: 'from Arbetsförmedlingen',
  origin_provider_declared: 'according to the provider',
  origin_provider_site: "according to the provider's website",
  remote: 'Remote meetings',
  remote_yes: 'Offers remote meetings (a physical meeting is still required at least every four weeks)',
  remote_partly: 'Some meetings remote (a physical meeting is required at least every four weeks)',
  remote_no: 'No remote meetings',
  offices: 'Offices',
  officesHere: 'Offices in the municipality',
  noOfficeHere: 'No office in the municipality. The nearest offices are in the delivery area.',
  officesTotal: '{n} offices in total',
  website: 'Website',
  websiteNote: "The provider's own website. The text there is the provider's marketing.",
  orgnr: 'Organisation number',
  soleTraderMasked: 'Sole trader: the number is a personal identity number and is not shown.',
  orgnrUnknown: 'Not known yet: Arbetsförmedlingen\'s rating files give only the name.',
  description: "The provider's own description",
  contracts: 'Contracts and ratings per delivery area',
  contractNumber: 'Contract number (KA)',
  startDate: 'Contract started',
  ratingHistory: 'Rating history',
  period: 'Period',
  stars: 'Rating',
  published: 'Published',
  source: 'Source',
  revised: 'Revised (version {n})',
  superseded: 'replaced by a later version',
  ended: 'Ended contract',
  formerNames: 'Former names',
  inDirectorySince: 'In the directory since {d}',
  dataAsOf: 'Data as of {d}',
  dataSource: 'Source: {s}',
  demoData: 'Demo data: fictional providers that show how the service works.',
  compareTitle: 'Compare providers',
  compareHelp: 'Pick two or three providers in the list on a municipality page and press Compare.',
  compareTooMany: 'You can compare at most three providers. We show the first three.',
  backToList: 'Back to the list',
  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find what you were looking for. Search for your municipality or postcode:',
  errorTitle: 'Something went wrong',
  bodyTooLarge: 'What you sent is too long: the limit is {limit}. Shorten the text and try again.',
  ambiguousTitle: 'Several municipalities have that name',
  ambiguousText: 'Choose the municipality you mean:',
  homeLink: 'To the start page',
  footerAbout: "Valkollen shows every Rusta och matcha provider the same way. Ratings and contracts come from Arbetsförmedlingen's published files.",
  accessibility: 'Accessibility',
  page: 'Page {p} of {n}',
  next: 'Next page',
  prev: 'Previous page',
  resultsNav: 'Pages',
  viewProvider: 'View {name}',
  unknownMunicipality: 'unknown municipality',
  step_free_unknown: 'Wheelchair access: unknown',
  step_free_yes: 'Step-free entrance',
  step_free_no: 'The entrance has steps',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sv, en };

/** Translates `key` with `{name}` placeholders filled from `params`. */
export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  let s = dictionaries[locale][key];
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Prefixes a site path for the locale: English pages live under /en. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'sv') return path;
  return path === '/' ? '/en' : `/en${path}`;
}

// Intl formatters are costly to build and cheap to reuse; pages format dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** Formats an ISO date (YYYY-MM-DD or timestamp) for display. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cachedFormat(`date:${locale}`, () =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/Stockholm' }),
  ).format(d);
}

/** Formats a rating period "2026-09" as "september 2026" / "September 2026". */
export function formatPeriod(locale: Locale, period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return cachedFormat(`period:${locale}`, () =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(d);
}
