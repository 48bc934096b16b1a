/**
 * Interface text of the public pages, one flat dictionary of the same keys per language.
 * Swedish (at /) and English (/en) are complete by type; Arabic (/ar), Somali (/so), Tigrinya
 * (/ti), Dari (/prs) and easy Swedish (/lattlast) live one file each in ./locales/ with the keys
 * in Swedish order, and a test (tests/views/i18n.test.ts) plus `npx tsx scripts/i18n-missing.ts`
 * list any key they lack (t() then shows Swedish). Plain words, short sentences: many readers
 * have limited Swedish.
 */
import { LOCALES, localeInfo, type Locale } from './locale-info';
import { ar } from './locales/ar';
import { so } from './locales/so';
import { ti } from './locales/ti';
import { prs } from './locales/prs';
import { lattlast } from './locales/lattlast';

export { LOCALES, PUBLIC_LOCALE_ORDER, localeInfo, localeFromPath, stripLocalePrefix, type Locale, type LocaleInfo } from './locale-info';

const sv = {
  siteName: 'Valkollen',
  tagline: 'Hitta leverantörer av Rusta och matcha där du bor',
  skip: 'Hoppa till innehållet',
  langNav: 'Språk',
  reviewNote: 'Den här texten är inte granskad av någon som har språket som modersmål ännu.',
  // Between the items of a list in running text (Arabic and Dari use '، ').
  listSeparator: ', ',
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
  noMatchesHelp: 'Kontrollera stavningen eller skriv början av namnet. Du kan också välja i listan',
  didYouMean: 'Menade du',
  providersInPlace: 'Leverantörer i {name}',
  // Optional: shown above a municipality's list when not empty (easy Swedish explains the words there).
  listIntro: '',
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
  noOfficeHere: 'Inget kontor i kommunen.',
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
  inDirectorySinceLabel: 'I katalogen sedan',
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
  errNoPage: 'Det finns ingen sida på den här adressen.',
  errNoMunicipality: 'Vi hittar ingen kommun som heter eller har koden "{q}".',
  errNoProvider: 'Det finns ingen leverantör med nummer {id}.',
  errNoRule: 'Det finns ingen regel {id}.',
  about_h_ratings: 'Betygen kommer från Arbetsförmedlingen',
  about_ratings_1: 'Arbetsförmedlingen ger leverantörer av Rusta och matcha betyg från 1 till 4 stjärnor. 4 är bäst.',
  about_ratings_2: 'Betyget gäller ett avtal i ett leveransområde. Samma företag kan ha olika betyg i olika områden.',
  about_ratings_3: 'Betyget jämför leverantörens resultat med alla andra leverantörer i hela landet. Det tar hänsyn till hur långt från arbetsmarknaden deltagarna var när de började.',
  about_ratings_4: 'Ett betyg kräver att minst 18 deltagare har börjat och att leverantören har varit verksam i minst 12 månader. Annars står det {noRating} och varför.',
  about_ratings_5: 'Arbetsförmedlingen publicerar nya betyg varannan månad. Ibland ändrar de ett äldre betyg. Vi sparar alla versioner och visar vilken som är ändrad.',
  about_ratings_6: 'Vid varje betyg visar vi perioden, filen det kommer från och när den publicerades.',
  about_order_1: 'Som standard är listan blandad. Ordningen byts varje dag vid midnatt och är samma för alla besökare den dagen.',
  about_order_2: 'Ingen leverantör kan betala för att hamna högre. Ordningen beror inte på när leverantören lades in.',
  about_order_3: 'Du kan själv välja att sortera efter betyg eller namn. Då står det på sidan hur listan är sorterad.',
  about_h_claims: 'Vad leverantörerna själva säger',
  about_claims: 'Språk, möten på distans och beskrivningar kommer ofta från leverantören. Vi skriver alltid varifrån en uppgift kommer: från Arbetsförmedlingen, enligt leverantören eller enligt leverantörens webbplats.',
  about_h_choose: 'Så väljer du',
  about_choose: 'Du berättar för Arbetsförmedlingen vilken leverantör du väljer. Väljer du inte, får du den leverantör som ligger närmast din bostad. Du kan byta leverantör genom Arbetsförmedlingen.',
  about_h_privacy: 'Integritet',
  about_privacy: 'Vi visar inga namn på kontaktpersoner. För enskilda firmor är organisationsnumret ett personnummer, så vi visar det inte.',
  crawler_title: 'Om crawlern',
  crawler_h1: 'Om Valkollens crawler',
  crawler_intro: 'Valkollen besöker webbplatserna hos leverantörer av Rusta och matcha och jämför deras marknadsföring med reglerna i kapitel 22 (Marknadsföring) i Arbetsförmedlingens allmänna villkor. Fynd granskas av en människa innan något händer.',
  crawler_h_fetch: 'Vad vi hämtar',
  crawler_fetch_1: 'Sidor som en arbetssökande läser: startsidan, sidor som länkas därifrån och sidor i er sitemap.xml. Bara HTML; PDF-filer och bilder hämtas inte.',
  crawler_fetch_2: 'Vi identifierar oss som {ua} i User-Agent.',
  crawler_fetch_3: 'Vi sparar sidans text som underlag för granskningen, aldrig formulärdata eller inloggade sidor.',
  crawler_h_polite: 'Så artigt crawlar vi',
  crawler_polite_1: 'Vi följer robots.txt, både regler för {token} och för {all}, och Crawl-delay.',
  crawler_polite_2: 'En fråga åt gången per webbplats, med paus mellan frågorna. Vi backar vid 429 och 503 och följer Retry-After.',
  crawler_polite_3: 'Oförändrade sidor hämtas med villkorlig begäran (ETag, Last-Modified).',
  crawler_h_stop: 'Så stoppar eller begränsar ni oss',
  crawler_example_dir: '/intern/',
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
  // Delivery areas, AF's results and the sync (areas branch).
  areasTitle: 'Leveransområden',
  areasIntro:
    'Arbetsförmedlingen delar in Sverige i leveransområden. En leverantör har ett avtal (KA-nummer) för varje område där den arbetar. Du väljer bland leverantörerna i området där du bor.',
  areasLink: 'Alla leveransområden',
  areasEnded: 'Avslutade leveransområden',
  areasNone: 'Vi har inga leveransområden i våra uppgifter ännu.',
  areaNotFound: 'Vi hittar inget leveransområde "{name}".',
  areaRegion: 'Arbetsförmedlingens region',
  areaMunicipalitiesCount: '{n} kommuner',
  areaMunicipalityCountOne: '1 kommun',
  areaMunicipalitiesUnknownShort: 'kommuner okända',
  areaContractsCount: '{n} aktiva avtal',
  areaTitle: 'Leveransområde {name}',
  areaMunicipalities: 'Kommuner i området',
  areaMunicipalitiesUnknown:
    'Vi vet inte vilka kommuner som hör till området. Arbetsförmedlingens lista över leveransområden finns inte i våra uppgifter för det här området. Vi gissar inte.',
  basis_af_document: 'enligt Arbetsförmedlingens dokument om leveransområden',
  basis_inferred: 'härlett av oss ur offentliga dokument, inte bekräftat av Arbetsförmedlingen',
  basis_demo: 'demodata',
  basis_other: 'källa: {b}',
  areaContracts: 'Avtal i området',
  areaNoContracts: 'Arbetsförmedlingens filer har inga avtal i det här området.',
  areaEndedContracts: 'Avslutade avtal',
  areaSource: 'Området finns i: {s}',
  areaEnded: 'Området gällde till {d}.',
  areaOfMunicipality: 'Leveransområde',
  contractLink: 'Avtal {ka}',
  resultsHeading: 'Resultat enligt Arbetsförmedlingen',
  resultsSentence: 'Av {n} deltagare som började för 11–22 månader sedan fick {r1} jobb eller började studera så att det räknades som ett första resultat (RR1).',
  resultsSentenceOne: 'Av 1 deltagare som började för 11–22 månader sedan fick {r1} jobb eller började studera så att det räknades som ett första resultat (RR1).',
  resultsSecond: '{r2} av resultaten räknades också som ett andra resultat (RR2).',
  resultsNoCounts: 'Av {n} deltagare som började för 11–22 månader sedan: Arbetsförmedlingen har inte publicerat hur många som fick jobb eller studier.',
  resultsNoParticipants: 'Ingen deltagare började för 11–22 månader sedan. Därför finns inget resultat att visa.',
  resultsParticipantsUnknown: 'Arbetsförmedlingen har inte publicerat antalet deltagare.',
  resultsWeighted: 'Arbetsförmedlingens viktade resultatmått: {s}. Det tar hänsyn till hur långt från arbete deltagarna var när de började (nivå A, B och C).',
  resultsPeriodSource: 'Period {p}. Källa: Arbetsförmedlingens resultatfil {f}, publicerad {d}.',
  resultsRevisedNote: 'Arbetsförmedlingen har reviderat perioden (version {n}).',
  resultsNotPublished: 'Arbetsförmedlingen har inte publicerat några resultat för avtalet.',
  riskLabel: 'Riskerar hävning',
  riskYes: 'Ja',
  riskNo: 'Nej',
  riskUnknown: 'uppgiften finns inte i Arbetsförmedlingens fil för perioden',
  riskContext: 'Arbetsförmedlingens uppgift, period {p}.',
  riskExplain: 'Vad betyder det?',
  active22Yes: 'Avtalet har varit aktivt i 22 månader.',
  active22No: 'Avtalet har inte varit aktivt i 22 månader.',
  areaUnknownTitle: 'Vi vet inte vilket leveransområde {name} hör till',
  areaUnknownText:
    'Arbetsförmedlingen bestämmer vilka kommuner som hör till varje leveransområde. Den uppgiften finns inte i våra uppgifter för {name}. Vi gissar inte. Därför kan vi inte säga vilka leverantörer du kan välja här.',
  areaUnknownOffices: 'Leverantörer med kontor i {name}',
  areaUnknownOfficesNote: 'Ett kontor i kommunen betyder inte säkert att leverantören har avtal för din kommun. Fråga Arbetsförmedlingen.',
  areaUnknownNoOffices: 'Vi känner inte till någon leverantör med kontor i kommunen.',
  afChooserLink: 'Sök leverantör hos Arbetsförmedlingen',
  afChooserNote: '(Arbetsförmedlingens egen sida)',
  // Issue 15: distances, the next step, footer pages, the report form.
  localitiesHeading: 'Orter',
  localityIn: 'ort i {m}',
  municipalityIn: 'kommun i {c}',
  sortNearest: 'Närmast först',
  sortShort_daily: 'Dagens blandade ordning',
  sortShort_rating: 'Betyg, högst först',
  sortShort_name: 'Namn, A–Ö',
  sortShort_nearest: 'Närmast först',
  whyThisOrder: 'om ordningen',
  orderNearest: 'Sorterad efter avståndet till leverantörens närmaste kontor, närmast först. Avståndet räknas fågelvägen och är ungefärligt. Leverantörer med samma avstånd står i dagens blandade ordning.',
  nearestOffice: 'Närmaste kontor',
  distanceAbout: 'ca {km} km',
  officeOutside: 'ligger i {m}',
  noOfficeCoordinates: 'Vi vet inte var leverantörens kontor ligger.',
  noOfficeHereShort: 'Inget kontor i kommunen.',
  distanceFromPlace: 'Avstånd fågelvägen från {place} i {m}.',
  distanceFromCentre: 'Avstånd fågelvägen från {place}, centralorten i {m}.',
  approx_locality: 'Vi räknar från ortens mitt, så avståndet är ungefärligt.',
  approx_nearby_postcode: 'Vi har inte just ditt postnummer, så vi räknar från ett postnummer nära. Avståndet är ungefärligt.',
  approx_municipality: 'Vi räknar från kommunens centralort. Avståndet är ungefärligt.',
  approx_offices: 'Vi räknar från mitten av kontoren i kommunen. Avståndet är ungefärligt.',
  geonamesCredit: 'Orternas koordinater kommer från GeoNames (geonames.org), licens CC BY 4.0.',
  showFilters: 'Filtrera och sortera',
  placeLabel: 'Ditt postnummer eller din ort',
  placeHint: 'Då visas avståndet till närmaste kontor. Till exempel 726 20 eller Skultuna',
  contactPhone: 'Telefon',
  contactEmail: 'E-post',
  chooseHeading: 'Så väljer du leverantör',
  chooseText: 'Du väljer leverantör hos Arbetsförmedlingen, inte här. Valkollen hjälper dig bara att jämföra.',
  chooseStep1: 'Logga in på Mina sidor på arbetsformedlingen.se, eller prata med din handläggare på Arbetsförmedlingen.',
  chooseStep2: 'Säg vilken leverantör och vilket kontor du väljer.',
  chooseStep2Named: 'Säg att du väljer {name} och vilket kontor du vill gå till.',
  chooseStep3: 'Väljer du inte, får du den leverantör som har kontor närmast din bostad. Du kan byta leverantör senare genom Arbetsförmedlingen.',
  chooseLink: 'Till Arbetsförmedlingen (Mina sidor)',
  chooseCall: 'Arbetsförmedlingens kundtjänst:',
  focusHeading: 'För dig i {m}',
  focusNoContract: 'Leverantören har inget avtal som gäller {m} just nu.',
  nearestOffices: 'Närmaste kontor',
  otherContracts: 'Avtal i andra leveransområden ({n})',
  allOffices: 'Alla kontor ({n})',
  aboutProvider: 'Om leverantören',
  officeContactSource: 'Telefon och e-post är de som Arbetsförmedlingen publicerar för kontoret.',
  compareScrollHint: 'Tabellen är bred. Svep eller scrolla i sidled för att se alla leverantörer.',
  footerNav: 'Om webbplatsen',
  contactLink: 'Kontakt och felanmälan',
  privacyLink: 'Integritet och personuppgifter',
  selfCheckLink: 'Självkontroll av marknadsföring',
  rulesLink: 'Reglerna för marknadsföring',
  forProvidersTitle: 'För leverantörer',
  forProvidersText: 'Kontrollera er text mot reglerna i kapitel 22 innan ni publicerar den. Inget sparas.',
  accessibilityTitle: 'Tillgänglighetsredogörelse',
  privacyTitle: 'Integritet och personuppgifter',
  contactTitle: 'Kontakt och felanmälan',
  reportIntro: 'Har du hittat ett fel i uppgifterna, eller något på webbplatsen som är svårt att använda? Skriv till oss här. Vi läser alla meddelanden.',
  reportKind: 'Vad gäller det?',
  kind_wrong_data: 'Fel i uppgifterna om en leverantör',
  kind_accessibility: 'Något är svårt att använda (tillgänglighet)',
  kind_other: 'Något annat',
  reportPage: 'Vilken sida gäller det?',
  reportPageHint: 'Klistra in adressen eller skriv leverantörens namn. Frivilligt.',
  reportMessage: 'Ditt meddelande',
  reportMessageHint: 'Högst {n} tecken. Skriv inte personnummer eller hälsouppgifter.',
  reportReplyTo: 'Din e-post',
  reportReplyToHint: 'Frivilligt. Bara om du vill ha svar.',
  reportSend: 'Skicka',
  reportThanksTitle: 'Tack! Vi har fått ditt meddelande',
  reportThanksText: 'Vi läser det och rättar felet om uppgiften är fel. Har du lämnat din e-post svarar vi dig.',
  reportErrorEmpty: 'Skriv ditt meddelande.',
  reportErrorTooLong: 'Meddelandet är för långt. Skriv högst {n} tecken.',
  reportErrorEmail: 'E-postadressen ser inte rätt ut. Kontrollera den eller lämna fältet tomt.',
  reportErrorKind: 'Välj vad det gäller.',
  reportRateTitle: 'För många meddelanden',
  reportRateText: 'Du har skickat många meddelanden på kort tid. Vänta {s} sekunder och försök igen.',
  reportForbidden: 'Formuläret måste skickas från Valkollens egen sida.',
  honeypotLabel: 'Lämna det här fältet tomt',
  reportErrorsTitle: 'Något behöver rättas',
  pageOnlySvEn: 'Den här sidan finns bara på svenska och engelska.',
  contactOnlyAf: 'Frågor om ditt eget ärende, din ersättning eller ditt val av leverantör kan bara Arbetsförmedlingen svara på.',
  contactOtherWays: 'Andra sätt att nå oss',
  contactMarketing: 'Om sådant som rör leverantörernas marknadsföring: använd formuläret och välj "{other}". Leverantörer som vill kontrollera sin text kan använda',
};

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  siteName: 'Valkollen',
  tagline: 'Find Rusta och matcha providers where you live',
  skip: 'Skip to content',
  langNav: 'Language',
  reviewNote: 'This translation has not yet been checked by a native speaker.',
  listSeparator: ', ',
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
  noMatchesHelp: 'Check the spelling or type the start of the name. You can also pick from the list',
  didYouMean: 'Did you mean',
  providersInPlace: 'Providers in {name}',
  listIntro: '',
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
  noOfficeHere: 'No office in the municipality.',
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
  inDirectorySinceLabel: 'In the directory since',
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
  errNoPage: 'There is no page at this address.',
  errNoMunicipality: 'We cannot find a municipality named or coded "{q}".',
  errNoProvider: 'There is no provider with id {id}.',
  errNoRule: 'There is no rule {id}.',
  about_h_ratings: 'Ratings come from Arbetsförmedlingen',
  about_ratings_1: 'Arbetsförmedlingen (the Swedish Public Employment Service) rates Rusta och matcha providers from 1 to 4 stars. 4 is best.',
  about_ratings_2: 'A rating belongs to one contract in one delivery area. The same company can have different ratings in different areas.',
  about_ratings_3: "The rating compares the provider's results with every other provider in the country. It takes into account how far from the labour market participants were when they started.",
  about_ratings_4: 'A rating needs at least 18 participants who started and at least 12 months of activity. Otherwise we show {noRating} and why.',
  about_ratings_5: 'Arbetsförmedlingen publishes new ratings every other month. Sometimes it changes an older rating. We keep every version and mark revised ones.',
  about_ratings_6: 'With every rating we show the period, the file it comes from and when it was published.',
  about_order_1: 'By default the list is mixed. The order changes every day at midnight and is the same for every visitor that day.',
  about_order_2: 'No provider can pay to be placed higher. The order does not depend on when a provider was added.',
  about_order_3: 'You can choose to sort by rating or name. The page then says how the list is sorted.',
  about_h_claims: 'What providers say themselves',
  about_claims: "Languages, remote meetings and descriptions often come from the provider. We always say where information comes from: from Arbetsförmedlingen, according to the provider, or according to the provider's website.",
  about_h_choose: 'How to choose',
  about_choose: 'You tell Arbetsförmedlingen which provider you choose. If you do not choose, you get the provider nearest your home. You can change provider through Arbetsförmedlingen.',
  about_h_privacy: 'Privacy',
  about_privacy: 'We show no names of contact persons. For sole traders the organisation number is a personal identity number, so we do not show it.',
  crawler_title: 'About the crawler',
  crawler_h1: "About Valkollen's crawler",
  crawler_intro: "Valkollen visits the websites of Rusta och matcha providers and compares their marketing with chapter 22 (Marketing) of Arbetsförmedlingen's general terms. A person reviews every finding before anything happens.",
  crawler_h_fetch: 'What we fetch',
  crawler_fetch_1: 'Pages a job seeker reads: the start page, pages linked from it and pages in your sitemap.xml. HTML only; no PDFs or images.',
  crawler_fetch_2: 'We identify ourselves as {ua} in the User-Agent.',
  crawler_fetch_3: 'We store the page text as evidence for the review, never form data or signed-in pages.',
  crawler_h_polite: 'How politely we crawl',
  crawler_polite_1: 'We obey robots.txt, rules for {token} and for {all}, and Crawl-delay.',
  crawler_polite_2: 'One request at a time per site, with a pause between requests. We back off on 429 and 503 and honour Retry-After.',
  crawler_polite_3: 'Unchanged pages are fetched with conditional requests (ETag, Last-Modified).',
  crawler_h_stop: 'How to stop or limit us',
  crawler_example_dir: '/internal/',
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
  areasTitle: 'Delivery areas',
  areasIntro:
    'Arbetsförmedlingen divides Sweden into delivery areas. A provider has one contract (KA number) for each area it works in. You choose among the providers in the area where you live.',
  areasLink: 'All delivery areas',
  areasEnded: 'Ended delivery areas',
  areasNone: 'We have no delivery areas in our data yet.',
  areaNotFound: 'We cannot find a delivery area "{name}".',
  areaRegion: 'Arbetsförmedlingen region',
  areaMunicipalitiesCount: '{n} municipalities',
  areaMunicipalityCountOne: '1 municipality',
  areaMunicipalitiesUnknownShort: 'municipalities unknown',
  areaContractsCount: '{n} active contracts',
  areaTitle: 'Delivery area {name}',
  areaMunicipalities: 'Municipalities in the area',
  areaMunicipalitiesUnknown:
    "We do not know which municipalities belong to this area. Arbetsförmedlingen's list of delivery areas is not in our data for this area. We do not guess.",
  basis_af_document: "according to Arbetsförmedlingen's delivery-area document",
  basis_inferred: 'inferred by us from public documents, not confirmed by Arbetsförmedlingen',
  basis_demo: 'demo data',
  basis_other: 'source: {b}',
  areaContracts: 'Contracts in the area',
  areaNoContracts: "Arbetsförmedlingen's files have no contracts in this area.",
  areaEndedContracts: 'Ended contracts',
  areaSource: 'The area comes from: {s}',
  areaEnded: 'The area was valid until {d}.',
  areaOfMunicipality: 'Delivery area',
  contractLink: 'Contract {ka}',
  resultsHeading: 'Results according to Arbetsförmedlingen',
  resultsSentence: 'Of {n} participants who started 11–22 months ago, {r1} got a job or started studying in a way that counted as a first result (RR1).',
  resultsSentenceOne: 'Of 1 participant who started 11–22 months ago, {r1} got a job or started studying in a way that counted as a first result (RR1).',
  resultsSecond: '{r2} of the results also counted as a second result (RR2).',
  resultsNoCounts: 'Of {n} participants who started 11–22 months ago: Arbetsförmedlingen has not published how many got a job or started studying.',
  resultsNoParticipants: 'No participant started 11–22 months ago, so there is no result to show.',
  resultsParticipantsUnknown: 'Arbetsförmedlingen has not published the number of participants.',
  resultsWeighted: "Arbetsförmedlingen's weighted result measure: {s}. It takes into account how far from work participants were when they started (levels A, B and C).",
  resultsPeriodSource: "Period {p}. Source: Arbetsförmedlingen's results file {f}, published {d}.",
  resultsRevisedNote: 'Arbetsförmedlingen has revised this period (version {n}).',
  resultsNotPublished: 'Arbetsförmedlingen has published no results for this contract.',
  riskLabel: 'Riskerar hävning (at risk of termination)',
  riskYes: 'Ja (yes)',
  riskNo: 'Nej (no)',
  riskUnknown: "not in Arbetsförmedlingen's file for this period",
  riskContext: "Arbetsförmedlingen's information, period {p}.",
  riskExplain: 'What does it mean?',
  active22Yes: 'The contract has been active for 22 months.',
  active22No: 'The contract has not been active for 22 months.',
  areaUnknownTitle: 'We do not know which delivery area {name} belongs to',
  areaUnknownText:
    'Arbetsförmedlingen decides which municipalities belong to each delivery area. That information is not in our data for {name}. We do not guess, so we cannot say which providers you can choose here.',
  areaUnknownOffices: 'Providers with an office in {name}',
  areaUnknownOfficesNote: 'An office in the municipality does not necessarily mean the provider has a contract for your municipality. Ask Arbetsförmedlingen.',
  areaUnknownNoOffices: 'We know of no provider with an office in the municipality.',
  afChooserLink: 'Search for a provider at Arbetsförmedlingen',
  afChooserNote: "(Arbetsförmedlingen's own page)",
  // Issue 15: distances, the next step, footer pages, the report form.
  localitiesHeading: 'Localities',
  localityIn: 'locality in {m}',
  municipalityIn: 'municipality in {c}',
  sortNearest: 'Nearest first',
  sortShort_daily: "Today's mixed order",
  sortShort_rating: 'Rating, highest first',
  sortShort_name: 'Name, A–Z',
  sortShort_nearest: 'Nearest first',
  whyThisOrder: 'about the order',
  orderNearest: "Sorted by the distance to each provider's nearest office, nearest first. Distances are straight-line and approximate. Providers at the same distance are in today's mixed order.",
  nearestOffice: 'Nearest office',
  distanceAbout: 'about {km} km',
  officeOutside: 'in {m}',
  noOfficeCoordinates: "We do not know where the provider's offices are.",
  noOfficeHereShort: 'No office in the municipality.',
  distanceFromPlace: 'Straight-line distances from {place} in {m}.',
  distanceFromCentre: 'Straight-line distances from {place}, the main town of {m}.',
  approx_locality: 'We measure from the centre of the locality, so distances are approximate.',
  approx_nearby_postcode: 'We do not have your exact postcode, so we measure from a postcode nearby. Distances are approximate.',
  approx_municipality: "We measure from the municipality's main town. Distances are approximate.",
  approx_offices: 'We measure from the centre of the offices in the municipality. Distances are approximate.',
  geonamesCredit: 'Locality coordinates come from GeoNames (geonames.org), licence CC BY 4.0.',
  showFilters: 'Filter and sort',
  placeLabel: 'Your postcode or locality',
  placeHint: 'Shows the distance to the nearest office. For example 726 20 or Skultuna',
  contactPhone: 'Phone',
  contactEmail: 'E-mail',
  chooseHeading: 'How to choose a provider',
  chooseText: 'You choose your provider at Arbetsförmedlingen (the Public Employment Service), not here. Valkollen only helps you compare.',
  chooseStep1: 'Log in to Mina sidor ("My pages") at arbetsformedlingen.se, or talk to your contact person at Arbetsförmedlingen.',
  chooseStep2: 'Say which provider and which office you choose.',
  chooseStep2Named: 'Say that you choose {name} and which office you want to go to.',
  chooseStep3: 'If you do not choose, you get the provider with an office nearest your home. You can change provider later through Arbetsförmedlingen.',
  chooseLink: 'Go to Arbetsförmedlingen (Mina sidor)',
  chooseCall: "Arbetsförmedlingen's customer service:",
  focusHeading: 'For you in {m}',
  focusNoContract: 'The provider has no contract covering {m} at the moment.',
  nearestOffices: 'Nearest offices',
  otherContracts: 'Contracts in other delivery areas ({n})',
  allOffices: 'All offices ({n})',
  aboutProvider: 'About the provider',
  officeContactSource: 'Phone and e-mail as Arbetsförmedlingen publishes them for the office.',
  compareScrollHint: 'The table is wide. Swipe or scroll sideways to see every provider.',
  footerNav: 'About this site',
  contactLink: 'Contact and report an error',
  privacyLink: 'Privacy and personal data',
  selfCheckLink: 'Self-check of marketing',
  rulesLink: 'The marketing rules',
  forProvidersTitle: 'For providers',
  forProvidersText: 'Check your text against the chapter 22 rules before you publish it. Nothing is stored.',
  accessibilityTitle: 'Accessibility statement',
  privacyTitle: 'Privacy and personal data',
  contactTitle: 'Contact and report an error',
  reportIntro: 'Have you found a mistake in the information, or something on the site that is hard to use? Write to us here. We read every message.',
  reportKind: 'What is it about?',
  kind_wrong_data: 'Wrong information about a provider',
  kind_accessibility: 'Something is hard to use (accessibility)',
  kind_other: 'Something else',
  reportPage: 'Which page is it about?',
  reportPageHint: "Paste the address or write the provider's name. Optional.",
  reportMessage: 'Your message',
  reportMessageHint: 'At most {n} characters. Do not write personal identity numbers or health information.',
  reportReplyTo: 'Your e-mail',
  reportReplyToHint: 'Optional. Only if you want an answer.',
  reportSend: 'Send',
  reportThanksTitle: 'Thank you! We have received your message',
  reportThanksText: 'We will read it and correct the information if it is wrong. If you left your e-mail, we will answer you.',
  reportErrorEmpty: 'Write your message.',
  reportErrorTooLong: 'The message is too long. Write at most {n} characters.',
  reportErrorEmail: 'The e-mail address does not look right. Check it or leave the field empty.',
  reportErrorKind: 'Choose what it is about.',
  reportRateTitle: 'Too many messages',
  reportRateText: 'You have sent many messages in a short time. Wait {s} seconds and try again.',
  reportForbidden: "The form must be sent from Valkollen's own page.",
  honeypotLabel: 'Leave this field empty',
  reportErrorsTitle: 'Something needs correcting',
  pageOnlySvEn: 'This page is only available in Swedish and English.',
  contactOnlyAf: 'Only Arbetsförmedlingen can answer questions about your own case, your benefits or your choice of provider.',
  contactOtherWays: 'Other ways to reach us',
  contactMarketing: 'About providers’ marketing: use the form and choose "{other}". Providers who want to check their text can use',
};

/**
 * A language other than Swedish and English: its texts (same keys as Swedish, in the same order)
 * and whether a native speaker has signed them off. Until then `awaitingNativeReview` is true and
 * every page in the language says so, in the language and in English. A reviewer signs off by
 * setting it to false.
 */
export interface Translation {
  awaitingNativeReview: boolean;
  messages: Partial<Record<MessageKey, string>>;
}

const translations: Record<Exclude<Locale, 'sv' | 'en'>, Translation> = { ar, so, ti, prs, lattlast };

function messagesOf(locale: Locale): Partial<Record<MessageKey, string>> {
  return locale === 'sv' ? sv : locale === 'en' ? en : translations[locale].messages;
}

/** Swedish key order, for tools that list missing keys. */
export const MESSAGE_KEYS = Object.keys(sv) as MessageKey[];

/** The texts of a language as written (no fallback), for the completeness report. */
export function rawMessages(locale: Locale): Partial<Record<MessageKey, string>> {
  return messagesOf(locale);
}

/** True until a native speaker has signed off the language (never for sv and en). */
export function awaitingNativeReview(locale: Locale): boolean {
  return locale === 'sv' || locale === 'en' ? false : translations[locale].awaitingNativeReview;
}

/**
 * Fills `{name}` placeholders. In right-to-left languages every value is isolated
 * (U+2068 … U+2069, the plain-text <bdi>), so a Latin name or a number keeps its own direction
 * and does not reorder the sentence around it.
 */
export function fill(locale: Locale, s: string, params?: Record<string, string | number>): string {
  if (!params) return s;
  const rtl = localeInfo(locale).dir === 'rtl';
  for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(rtl && v !== '' ? `\u2068${v}\u2069` : String(v));
  return s;
}

/** Translates `key` with `{name}` placeholders filled from `params`; a missing text falls back to Swedish. */
export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(locale, messagesOf(locale)[key] ?? sv[key], params);
}

/**
 * Prefixes a site path for the locale: '/kommun/x' → '/ar/kommun/x', '/' → '/ar/' (the address
 * the start page answers at, no redirect); Swedish has no prefix.
 */
export function localePath(locale: Locale, path: string): string {
  const { prefix } = localeInfo(locale);
  return prefix ? `${prefix}${path}` : path;
}

/** The Intl locale of a language (Latin digits, Gregorian calendar). */
export function intlLocale(locale: Locale): string {
  return localeInfo(locale).intl;
}

// Intl formatters are costly to build and cheap to reuse; pages format dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** Year, month (1–12) and day of a moment in Swedish time. */
function swedishDay(d: Date): { y: number; m: number; day: number } {
  const parts = cachedFormat('parts', () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'Europe/Stockholm' })).formatToParts(d);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), day: part('day') };
}

/** Formats an ISO date (YYYY-MM-DD or timestamp) for display. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { months } = localeInfo(locale);
  if (months) {
    const { y, m, day } = swedishDay(d);
    return `${day} ${months[m - 1]} ${y}`;
  }
  return cachedFormat(`date:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/Stockholm' }),
  ).format(d);
}

/** Formats a rating period "2026-09" as "september 2026" / "September 2026". */
export function formatPeriod(locale: Locale, period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const { months } = localeInfo(locale);
  if (months) return `${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return cachedFormat(`period:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(d);
}

/** Formats a number in the language's convention (Latin digits). */
export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(intlLocale(locale), options);
}
