/**
 * Word lists for the fictional demo data: company-name parts, street names and neutral,
 * provider-declared descriptions. Names are invented compounds; none is a real company.
 */

/** First halves of invented compound names ("Nord" + "ljus"). */
export const NAME_HEADS = [
  'Nord', 'Syd', 'Väst', 'Öst', 'Berg', 'Sjö', 'Älv', 'Fjäll', 'Skog', 'Vind', 'Stjärn', 'Gran', 'Björk',
  'Lind', 'Ås', 'Dal', 'Hav', 'Ljung', 'Rönn', 'Klipp', 'Strand', 'Morgon', 'Sol', 'Vår', 'Ny', 'Bro',
  'Kust', 'Mo', 'Myr', 'Ek', 'Lärk', 'Tall', 'Is', 'Ler', 'Sten', 'Åker', 'Hägg', 'Sälg', 'Fors', 'Udd',
] as const;

/** Second halves of invented compound names. */
export const NAME_TAILS = [
  'ljus', 'vägen', 'bron', 'steget', 'kraft', 'porten', 'kompassen', 'fyren', 'spåret', 'nyckeln',
  'bryggan', 'gläntan', 'leden', 'stigen', 'hamnen', 'kajen', 'tornet', 'vinden', 'källan', 'gården',
] as const;

/** Activity words that follow the compound ("Nordljus Kompetens AB"). */
export const NAME_KINDS = [
  'Kompetens', 'Karriär', 'Utveckling', 'Arbetsliv', 'Jobbcoachning', 'Vägledning', 'Matchning',
  'Framtid', 'Kunskap', 'Omställning', 'Yrkesstöd', 'Jobbstöd', 'Arbetsmarknadstjänster', 'Coaching',
] as const;

/** Regions for names like "Jobbvägen i Mälardalen AB". */
export const NAME_REGIONS = [
  'Mälardalen', 'Norrland', 'Bergslagen', 'Bohuslän', 'Skåne', 'Sörmland', 'Roslagen', 'Småland',
  'Dalarna', 'Värmland', 'Norrbotten', 'Halland', 'Blekinge', 'Östergötland', 'Uppland', 'Jämtland',
  'Hälsingland', 'Ångermanland', 'Västerbotten', 'Gästrikland', 'Närke', 'Västmanland',
] as const;

/** First words of names like "Jobbvägen i Mälardalen AB". */
export const NAME_LEADS = ['Jobbvägen', 'Arbetsbron', 'Stegvis', 'Yrkesporten', 'Vägvisaren', 'Nästa Steg', 'Jobbstigen'] as const;

/** Invented street-name heads ("Vävar" + "gatan"). */
export const STREET_HEADS = [
  'Vävar', 'Glasblåsar', 'Tenngjutar', 'Korgmakar', 'Sotar', 'Lärkträds', 'Kompass', 'Ljusstöpar',
  'Hovslagar', 'Repslagar', 'Krukmakar', 'Bokbindar', 'Kvarnhjuls', 'Tunnbindar', 'Sadelmakar', 'Spinnar',
  'Gelbgjutar', 'Tegelslagar', 'Båtbyggar', 'Klockgjutar', 'Humlegårds', 'Vinterträdgårds', 'Ekorrbo',
  'Tranbärs', 'Hjortrons', 'Blåklints', 'Vitsippe', 'Nyponros', 'Snöbärs', 'Lingonris',
] as const;

export const STREET_TAILS = ['gatan', 'vägen', 'gränd', 'backen', 'allén', 'stigen', 'torget', 'plan'] as const;

/** Neutral, factual sentences (provider-declared copy: no superlatives, no promises). */
export const DESCRIPTION_OPENERS = [
  'Vi erbjuder Rusta och matcha med individuell planering och regelbundna möten.',
  'Vi arbetar med stöd i jobbsökande, praktik och vägledning inför studier.',
  'Vi stöttar deltagare i att hitta arbete eller utbildning utifrån egna mål.',
  'Vårt arbete utgår från en gemensam planering som följs upp vid varje möte.',
  'Vi hjälper till med cv, personligt brev och förberedelser inför intervjuer.',
  'Vi har kontakter med arbetsgivare i regionen och ordnar arbetsplatsbesök.',
  'Vi erbjuder både enskilda möten och gruppträffar om arbetsmarknaden.',
] as const;

export const DESCRIPTION_DETAILS = [
  'Mötena hålls på våra kontor; vissa uppföljningar kan ske digitalt.',
  'Vi kan anpassa träffarna för dig som har behov av extra tid.',
  'Vi ger stöd i att söka validering av tidigare erfarenheter.',
  'Vi arbetar med studie- och yrkesvägledning för dig som funderar på utbildning.',
  'Vi har erfarenhet av branscher som vård, logistik, bygg och service.',
  'Du träffar en fast handledare under hela tiden hos oss.',
  'Vi samarbetar med kommunens vuxenutbildning kring svenska och yrkesutbildning.',
] as const;
