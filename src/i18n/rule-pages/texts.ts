/**
 * The frame text of the public rule pages (/rules, /rules/{id}) per public language: one flat
 * dictionary of the same keys. The rules' own texts (titles, messages, suggestions, examples,
 * sources) are data in rules/*.yaml in Swedish and English; pages in other languages show them in
 * Swedish and say so (`ruleTextNote`).
 */
import { dictionary, type Texts } from '../dictionary';
import type { Locale } from '../locale-info';

const sv = {
  rules: 'Reglerna för marknadsföring (kapitel 22)',
  intro:
    'Leverantörer av Rusta och matcha ska följa kapitel 22 (Marknadsföring) i Arbetsförmedlingens allmänna villkor. Reglerna här är en rekonstruktion från offentliga källor; varje regel säger hur säker grunden är.',
  id: 'Id',
  severity: 'Allvarlighet',
  basis: 'Grund',
  sources: 'Källor',
  wrong: 'Vad som är fel',
  instead: 'Skriv så här i stället',
  flag: 'Exempel som flaggas',
  pass: 'Exempel som är tillåtna',
  version: 'Regelverkets version',
  all: 'Alla regler',
  check: 'Kontrollera en text',
  level_found: 'hittad i källa',
  'level_partly found': 'delvis hittad',
  level_inferred: 'härledd',
  sev_critical: 'kritisk',
  sev_high: 'hög',
  sev_medium: 'medel',
  sev_low: 'låg',
  trust: 'Hur mycket regeln fångar',
  trustText: 'Uppmätt på märkt text som reglerna inte anpassats efter ({corpora}): regeln hittade {pct} % av {n} överträdelser. Resten skrevs på sätt som kontrollen ännu inte känner igen – inga fynd betyder därför inte att texten följer regeln.',
  trustNone: 'Regeln har ännu inte mätts på text som den inte anpassats efter. Inga fynd betyder inte att texten följer regeln.',
  trustLang: 'Per språk (alla regler)',
  ruleTextNote: '',
};

export type RulePageKey = keyof typeof sv;
type Translation = Texts<RulePageKey>;

const en: Record<RulePageKey, string> = {
  rules: 'The marketing rules (chapter 22)',
  intro:
    "Rusta och matcha providers must follow chapter 22 (Marketing) of Arbetsförmedlingen's general terms. The rules here are reconstructed from public sources; each rule says how certain its basis is.",
  id: 'Id',
  severity: 'Severity',
  basis: 'Basis',
  sources: 'Sources',
  wrong: 'What is wrong',
  instead: 'Write this instead',
  flag: 'Examples that are flagged',
  pass: 'Examples that are allowed',
  version: 'Ruleset version',
  all: 'All rules',
  check: 'Check a text',
  level_found: 'found in a source',
  'level_partly found': 'partly found',
  level_inferred: 'inferred',
  sev_critical: 'critical',
  sev_high: 'high',
  sev_medium: 'medium',
  sev_low: 'low',
  trust: 'How much the rule catches',
  trustText: 'Measured on labelled copy the rules were not tuned on ({corpora}): the rule found {pct}% of {n} violations. The rest were worded in ways the checker does not recognise yet, so no findings does not mean the copy complies.',
  trustNone: 'This rule has not yet been measured on copy it was not tuned on. No findings does not mean the copy complies.',
  trustLang: 'Per language (all rules)',
  ruleTextNote: '',
};

const ar: Translation = {
  rules: 'قواعد التسويق (الفصل 22)',
  intro: 'يجب على مقدّمي خدمة Rusta och matcha اتباع الفصل 22 (التسويق) في الشروط العامة لـArbetsförmedlingen. القواعد هنا أُعيد بناؤها من مصادر عامة، وكل قاعدة تبيّن مدى يقين أساسها.',
  id: 'الرمز',
  severity: 'درجة الخطورة',
  basis: 'الأساس',
  sources: 'المصادر',
  wrong: 'ما الخطأ',
  instead: 'اكتب هكذا بدلاً من ذلك',
  flag: 'أمثلة يُشار إليها كمخالفة',
  pass: 'أمثلة مسموح بها',
  version: 'نسخة القواعد',
  all: 'جميع القواعد',
  check: 'افحص نصاً',
  level_found: 'موجودة في مصدر',
  'level_partly found': 'موجودة جزئياً',
  level_inferred: 'مستنتَجة',
  sev_critical: 'حرجة',
  sev_high: 'عالية',
  sev_medium: 'متوسطة',
  sev_low: 'منخفضة',
  trust: 'كم تلتقط هذه القاعدة',
  trustText: 'قيس على نصوص مصنّفة لم تُضبط القواعد عليها ({corpora}): وجدت القاعدة {pct} ٪ من {n} مخالفة. الباقي كُتب بطرق لا يتعرّف عليها الفحص بعد، لذلك لا يعني عدم وجود ملاحظات أن النص يتبع القاعدة.',
  trustNone: 'لم تُقَس هذه القاعدة بعد على نصوص لم تُضبط عليها. عدم وجود ملاحظات لا يعني أن النص يتبع القاعدة.',
  trustLang: 'حسب اللغة (كل القواعد)',
  ruleTextNote: 'نصوص القواعد نفسها (العنوان، والخطأ، والاقتراح، والأمثلة) معروضة باللغة السويدية، والمصادر باللغة الإنجليزية.',
};

const so: Translation = {
  rules: 'Xeerarka suuqgeynta (cutubka 22)',
  intro: 'Bixiyeyaasha Rusta och matcha waa inay raacaan cutubka 22 (Suuqgeynta) ee shuruudaha guud ee Arbetsförmedlingen. Xeerarka halkan ku qoran waxaa dib loogu dhisay ilo dadweyne; xeer kasta wuxuu sheegayaa inta uu saldhiggiisu hubo.',
  id: 'Aqoonsiga',
  severity: 'Culayska',
  basis: 'Saldhigga',
  sources: 'Ilaha',
  wrong: 'Waxa khaldan',
  instead: 'Sidan u qor',
  flag: 'Tusaalooyin la calaamadeeyo',
  pass: 'Tusaalooyin la oggol yahay',
  version: 'Nooca xeerarka',
  all: 'Dhammaan xeerarka',
  check: 'Hubi qoraal',
  level_found: 'laga helay il',
  'level_partly found': 'qayb ahaan laga helay',
  level_inferred: 'laga soo saaray',
  sev_critical: 'aad u culus',
  sev_high: 'culus',
  sev_medium: 'dhexdhexaad',
  sev_low: 'hoose',
  trust: 'Intee ayuu xeerkani qabtaa',
  trustText: "Waxaa lagu cabbiray qoraal calaamadaysan oo xeerarka aan lagu hagaajin ({corpora}): xeerku wuxuu helay {pct} % ee {n} jebin. Inta kale waxaa loo qoray siyaabo aan hubintu weli garanayn, sidaa darteed natiijo la'aan macnaheedu maaha in qoraalku xeerka raacayo.",
  trustNone: "Xeerkan weli laguma cabbirin qoraal aan lagu hagaajin. Natiijo la'aan macnaheedu maaha in qoraalku xeerka raacayo.",
  trustLang: 'Luqad kasta (dhammaan xeerarka)',
  ruleTextNote: 'Qoraallada xeerarka laftooda (cinwaanka, khaladka, talada iyo tusaalooyinka) waxaa lagu muujiyey af Iswiidhish, ilahana af Ingiriis.',
};

const ti: Translation = {
  rules: 'ሕግታት ምውዕዋዕ (ምዕራፍ 22)',
  intro: 'ኣቕረብቲ Rusta och matcha ንምዕራፍ 22 (ምውዕዋዕ) ናይ ሓፈሻዊ ኩነታት Arbetsförmedlingen ክኽተሉ ኣለዎም። ኣብዚ ዘለዉ ሕግታት ካብ ህዝባዊ ምንጭታት ዳግም ዝተሃነጹ እዮም፤ ነፍሲ ወከፍ ሕጊ መሰረቱ ክንደይ ርግጸኛ ምዃኑ ይገልጽ።',
  id: 'መለለዪ',
  severity: 'ክብደት',
  basis: 'መሰረት',
  sources: 'ምንጭታት',
  wrong: 'እንታይ እዩ ጌጋ',
  instead: 'ኣብ ክንዲኡ ከምዚ ጽሓፍ',
  flag: 'ምልክት ዝግበረሎም ኣብነታት',
  pass: 'ፍቑዳት ኣብነታት',
  version: 'ሕታም ሕግታት',
  all: 'ኩሎም ሕግታት',
  check: 'ጽሑፍ ፈትሽ',
  level_found: 'ኣብ ምንጪ ዝተረኽበ',
  'level_partly found': 'ብኸፊል ዝተረኽበ',
  level_inferred: 'ዝተገመተ',
  sev_critical: 'ኣዝዩ ከቢድ',
  sev_high: 'ከቢድ',
  sev_medium: 'ማእከላይ',
  sev_low: 'ትሑት',
  trust: 'እዚ ሕጊ ክንደይ ይሕዝ',
  trustText: 'ሕግታት ዘይተማዕረየሉ ምልክት ዘለዎ ጽሑፍ ተለኪዑ ({corpora})፦ እቲ ሕጊ ካብ {n} ጥሕሰታት {pct} % ረኺቡ። እቶም ዝተረፉ እቲ ምርመራ ገና ዘይፈልጦም መንገድታት እዮም ተጻሒፎም፣ ስለዚ ርኽበት ዘይምህላው እቲ ጽሑፍ ነቲ ሕጊ ይስዕብ ማለት ኣይኮነን።',
  trustNone: 'እዚ ሕጊ ገና ኣብ ዘይተማዕረየሉ ጽሑፍ ኣይተለክዐን። ርኽበት ዘይምህላው እቲ ጽሑፍ ነቲ ሕጊ ይስዕብ ማለት ኣይኮነን።',
  trustLang: 'ብቋንቋ (ኩሎም ሕግታት)',
  ruleTextNote: 'ጽሑፋት ናይቶም ሕግታት ባዕሎም (ኣርእስቲ፣ ጌጋ፣ ሓሳብን ኣብነታትን) ብቋንቋ ሽወደን፣ ምንጭታት ድማ ብእንግሊዝኛ እዮም ዝርኣዩ።',
};

const prs: Translation = {
  rules: 'قواعد بازاریابی (فصل 22)',
  intro: 'ارائه‌کنندگان Rusta och matcha باید از فصل 22 (بازاریابی) شرایط عمومی Arbetsförmedlingen پیروی کنند. قواعد این صفحه از منابع عمومی بازسازی شده‌اند؛ هر قاعده می‌گوید که اساس آن چقدر مطمئن است.',
  id: 'شناسه',
  severity: 'شدت',
  basis: 'اساس',
  sources: 'منابع',
  wrong: 'چه چیزی نادرست است',
  instead: 'به جای آن این طور بنویسید',
  flag: 'مثال‌هایی که نشانه‌گذاری می‌شوند',
  pass: 'مثال‌های مجاز',
  version: 'نسخهٔ قواعد',
  all: 'همهٔ قواعد',
  check: 'یک متن را بررسی کنید',
  level_found: 'در منبع پیدا شده',
  'level_partly found': 'تا اندازه‌ای پیدا شده',
  level_inferred: 'استنباط شده',
  sev_critical: 'بسیار جدی',
  sev_high: 'جدی',
  sev_medium: 'متوسط',
  sev_low: 'کم',
  trust: 'این قاعده چقدر را پیدا می‌کند',
  trustText: 'روی متن‌های نشانه‌گذاری‌شده‌ای اندازه‌گیری شد که قاعده‌ها بر اساس آن‌ها تنظیم نشده‌اند ({corpora}): این قاعده {pct} ٪ از {n} تخلف را پیدا کرد. بقیه به شیوه‌هایی نوشته شده بودند که بررسی هنوز آن‌ها را نمی‌شناسد؛ پس نبودِ یافته به این معنا نیست که متن از قاعده پیروی می‌کند.',
  trustNone: 'این قاعده هنوز روی متنی که بر اساس آن تنظیم نشده، اندازه‌گیری نشده است. نبودِ یافته به این معنا نیست که متن از قاعده پیروی می‌کند.',
  trustLang: 'بر اساس زبان (همه قاعده‌ها)',
  ruleTextNote: 'متن خود قواعد (عنوان، اشتباه، پیشنهاد و مثال‌ها) به زبان سویدنی و منابع به زبان انگلیسی نشان داده می‌شوند.',
};

const lattlast: Translation = {
  rules: 'Regler för reklam (kapitel 22)',
  intro: 'Leverantörer av Rusta och matcha måste följa regler för reklam. Reglerna finns i kapitel 22 i Arbetsförmedlingens avtal. Vi har skrivit reglerna utifrån texter som alla kan läsa. Vid varje regel står det hur säkra vi är.',
  id: 'Namn',
  severity: 'Hur allvarligt',
  basis: 'Hur säkra vi är',
  sources: 'Här kommer regeln ifrån',
  wrong: 'Det här är fel',
  instead: 'Skriv så här i stället',
  flag: 'Exempel på text som inte är tillåten',
  pass: 'Exempel på text som är tillåten',
  version: 'Reglerna är version',
  all: 'Alla regler',
  check: 'Kontrollera en text',
  level_found: 'står i en källa',
  'level_partly found': 'står delvis i en källa',
  level_inferred: 'vår egen tolkning',
  sev_critical: 'mycket allvarligt',
  sev_high: 'allvarligt',
  sev_medium: 'ganska allvarligt',
  sev_low: 'lite allvarligt',
  trust: 'Hur mycket regeln hittar',
  trustText: 'Vi har testat regeln på texter som vi inte använt för att bygga den ({corpora}). Regeln hittade {pct} % av {n} fel. Den hittade inte resten. Om kontrollen inte hittar något kan texten ändå bryta mot regeln.',
  trustNone: 'Vi har inte testat regeln på nya texter än. Om kontrollen inte hittar något kan texten ändå bryta mot regeln.',
  trustLang: 'För varje språk (alla regler)',
  ruleTextNote: 'Texten i varje regel står på vanlig svenska. Källorna står på engelska.',
};

/** The rule pages' frame texts in every language; `keys` and `raw` serve the completeness report. */
export const rulePageTexts = dictionary(sv, { en, ar, so, ti, prs, lattlast });

/** A rule-page frame text; a missing text falls back to Swedish. */
export const rpt = rulePageTexts.text;

/** A text keyed at run time (level_…, sev_…); unknown values are shown as they are. */
export function rptDynamic(locale: Locale, prefix: 'level' | 'sev', value: string): string {
  return rulePageTexts.dynamic(locale, prefix, value);
}
