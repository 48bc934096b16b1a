/** Interface text of the self-check form in Swedish and English. */
import type { Locale } from '../views/i18n';

const sv = {
  title: 'Självkontroll av marknadsföring',
  intro:
    'Klistra in text från er webbplats, en annons eller ett utskick. Vi kontrollerar den mot reglerna för marknadsföring i Rusta och matcha (kapitel 22) och visar vad som behöver ändras, med ett förslag på tillåten formulering.',
  privacy: 'Texten sparas inte. Kontrollen görs direkt och visas bara för dig.',
  textLabel: 'Text att kontrollera',
  textHint: 'Högst {n} tecken.',
  htmlLabel: 'Det här är HTML (kod från en webbsida)',
  submit: 'Kontrollera',
  resultsTitle: 'Resultat',
  noFindings: 'Inga fynd för de {n} regler vi kontrollerade. Det betyder inte att texten följer reglerna: kontrollen fångar de flesta men inte alla formuleringar, så läs igenom texten själv också.',
  checkedRules: 'Kontrollerat: {n} regler, med ordförråd på {langs}. Språk vi läste i texten: {input}.',
  possible: 'Möjlig ({pct} %): bara den inlärda modellen, kontrollera själv',
  findingsCount: 'Vi hittade {n} saker att ändra.',
  findingsCountOne: 'Vi hittade 1 sak att ändra.',
  yourText: 'Din text med markeringar',
  yourHtml: 'Din HTML-kod med markeringar',
  findingsList: 'Vad som behöver ändras',
  severity: 'Allvarlighet',
  sev_critical: 'Mycket allvarligt',
  sev_high: 'Allvarligt',
  sev_medium: 'Måttligt',
  sev_low: 'Lågt',
  matched: 'Markerad text',
  why: 'Varför',
  suggestion: 'Förslag',
  rule: 'Regel',
  line: 'rad {l}, tecken {c}',
  rulesetVersion: 'Regelversion {v}',
  empty: 'Skriv eller klistra in en text.',
  tooLong: 'Texten är för lång: högst {n} tecken.',
  rateTitle: 'För många kontroller',
  rateText: 'Du har gjort många kontroller på kort tid. Vänta {s} sekunder och försök igen.',
  busy: 'Många kontroller körs just nu. Vänta några sekunder och skicka igen – din text finns kvar.',
  timedOut: 'Kontrollen tog för lång tid och avbröts. Dela upp texten i mindre delar och försök igen.',
  forbiddenTitle: 'Formuläret kom från en annan webbplats',
  forbiddenText: 'Av säkerhetsskäl tar vi bara emot formuläret från vår egen sida. Öppna sidan och skicka igen.',
  apiNote: 'Vill ni kontrollera automatiskt? Det finns ett API och ett kommandoradsverktyg:',
  apiLink: 'API-dokumentation',
  findingRef: 'anmärkning {n}',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  title: 'Self-check of marketing copy',
  intro:
    'Paste text from your website, an ad or a mailing. We check it against the marketing rules of Rusta och matcha (chapter 22) and show what needs to change, with a suggestion for compliant wording.',
  privacy: 'The text is not stored. The check runs at once and is shown only to you.',
  textLabel: 'Text to check',
  textHint: 'At most {n} characters.',
  htmlLabel: 'This is HTML (code from a web page)',
  submit: 'Check',
  resultsTitle: 'Results',
  noFindings: 'No findings for the {n} rules we checked. That does not mean the copy complies: the check catches most but not all wordings, so please read the text yourself as well.',
  checkedRules: 'Checked: {n} rules, with vocabulary in {langs}. Languages we read in the text: {input}.',
  possible: 'Possible ({pct}%): the learned model only, check it yourself',
  findingsCount: 'We found {n} things to change.',
  findingsCountOne: 'We found 1 thing to change.',
  yourText: 'Your text with highlights',
  yourHtml: 'Your HTML code with highlights',
  findingsList: 'What needs to change',
  severity: 'Severity',
  sev_critical: 'Critical',
  sev_high: 'High',
  sev_medium: 'Medium',
  sev_low: 'Low',
  matched: 'Highlighted text',
  why: 'Why',
  suggestion: 'Suggestion',
  rule: 'Rule',
  line: 'line {l}, character {c}',
  rulesetVersion: 'Ruleset version {v}',
  empty: 'Type or paste a text.',
  tooLong: 'The text is too long: at most {n} characters.',
  rateTitle: 'Too many checks',
  rateText: 'You have made many checks in a short time. Wait {s} seconds and try again.',
  busy: 'Many checks are running right now. Wait a few seconds and submit again – your text is kept.',
  timedOut: 'The check took too long and was stopped. Split the text into smaller parts and try again.',
  forbiddenTitle: 'The form came from another website',
  forbiddenText: 'For security we only accept the form from our own page. Open the page and submit again.',
  apiNote: 'Want to check automatically? There is an API and a command-line tool:',
  apiLink: 'API documentation',
  findingRef: 'finding {n}',
};

const dict: Record<Locale, Record<Key, string>> = { sv, en };

/** Translates a self-check text with `{name}` placeholders. */
export function st(locale: Locale, key: Key, params?: Record<string, string | number>): string {
  let s = dict[locale][key];
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
