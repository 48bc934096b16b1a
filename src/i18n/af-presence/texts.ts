/**
 * Interface text for AF-sourced presence and result figures on the provider page
 * (joined/left AF's lists, participants and weighted result; see
 * src/directory/pages/provider-sections.tsx). One flat dictionary per public language, same
 * keys (tests/i18n/report.test.ts lists missing ones).
 */
import { dictionary, type Texts } from '../dictionary';

const sv = {
  afListed: 'Med i Arbetsförmedlingens listor',
  afSince: 'sedan {d}',
  afLeft: 'Fanns med {from} – {to}. Finns inte med i Arbetsförmedlingens senaste lista.',
  results: 'Resultat',
  resultsLine: '{n} deltagare · viktat resultatmått {s} ({p})',
  resultsSource: 'Källa: Arbetsförmedlingens resultatfil {f}, publicerad {d}.',
  resultsNote: 'Resultatmåttet är Arbetsförmedlingens eget. Det väger in hur långt från arbete deltagarna var.',
};

export type AfLabel = keyof typeof sv;
type Translation = Texts<AfLabel>;

const en: Record<AfLabel, string> = {
  afListed: "In Arbetsförmedlingen's lists",
  afSince: 'since {d}',
  afLeft: "Listed {from} – {to}. Not in Arbetsförmedlingen's latest list.",
  results: 'Results',
  resultsLine: '{n} participants · weighted result {s} ({p})',
  resultsSource: "Source: Arbetsförmedlingen's results file {f}, published {d}.",
  resultsNote: "The weighted result is Arbetsförmedlingen's own measure. It takes into account how far from work participants were.",
};

const ar: Translation = {
  afListed: 'في قوائم Arbetsförmedlingen',
  afSince: 'منذ {d}',
  afLeft: 'كان في القوائم من {from} إلى {to}. ليس في أحدث قائمة لـArbetsförmedlingen.',
  results: 'النتائج',
  resultsLine: 'عدد المشاركين: {n} · مقياس النتيجة الموزون {s} ({p})',
  resultsSource: 'المصدر: ملف نتائج Arbetsförmedlingen {f}، نُشر في {d}.',
  resultsNote: 'مقياس النتيجة خاص بـArbetsförmedlingen. ويأخذ في الحسبان مدى بُعد المشاركين عن العمل.',
};

const so: Translation = {
  afListed: 'Ku jira liisaska Arbetsförmedlingen',
  afSince: 'tan iyo {d}',
  afLeft: 'Wuu ku jiray {from} – {to}. Kuma jiro liiska ugu dambeeyey ee Arbetsförmedlingen.',
  results: 'Natiijooyinka',
  resultsLine: '{n} ka-qaybgale · cabbirka natiijada ee miisaaman {s} ({p})',
  resultsSource: 'Isha: faylka natiijooyinka Arbetsförmedlingen {f}, la daabacay {d}.',
  resultsNote: 'Cabbirka natiijadu waa mid Arbetsförmedlingen iska leedahay. Wuxuu tixgeliyaa inta ay ka-qaybgalayaashu ka fogaayeen shaqada.',
};

const ti: Translation = {
  afListed: 'ኣብ ዝርዝራት Arbetsförmedlingen',
  afSince: 'ካብ {d} ጀሚሩ',
  afLeft: 'ካብ {from} ክሳብ {to} ኣብ ዝርዝር ነይሩ። ኣብቲ ናይ መወዳእታ ዝርዝር Arbetsförmedlingen የለን።',
  results: 'ውጽኢት',
  resultsLine: '{n} ተሳተፍቲ · ዝተመዘነ መዐቀኒ ውጽኢት {s} ({p})',
  resultsSource: 'ምንጪ፦ ፋይል ውጽኢት Arbetsförmedlingen {f}፣ ዝተዘርግሐሉ {d}።',
  resultsNote: 'እቲ መዐቀኒ ውጽኢት ናይ Arbetsförmedlingen ባዕሉ እዩ። ተሳተፍቲ ካብ ስራሕ ክንደይ ርሑቓት ከም ዝነበሩ ኣብ ግምት የእቱ።',
};

const prs: Translation = {
  afListed: 'در فهرست‌های Arbetsförmedlingen',
  afSince: 'از {d}',
  afLeft: 'از {from} تا {to} در فهرست بود. در تازه‌ترین فهرست Arbetsförmedlingen نیست.',
  results: 'نتیجه‌ها',
  resultsLine: '{n} اشتراک‌کننده · معیار وزن‌دار نتیجه {s} ({p})',
  resultsSource: 'منبع: فایل نتیجه‌های Arbetsförmedlingen {f}، نشر شده در {d}.',
  resultsNote: 'معیار نتیجه مال خود Arbetsförmedlingen است. در نظر می‌گیرد که اشتراک‌کنندگان چقدر از کار دور بودند.',
};

const lattlast: Translation = {
  afListed: 'Med i Arbetsförmedlingens listor',
  afSince: 'sedan {d}',
  afLeft: 'Var med från {from} till {to}. Finns inte med i Arbetsförmedlingens nya lista.',
  results: 'Resultat',
  resultsLine: '{n} personer har deltagit · resultat {s} ({p})',
  resultsSource: 'Resultatet kommer från Arbetsförmedlingens fil {f}. Den kom {d}.',
  resultsNote: 'Arbetsförmedlingen räknar fram resultatet. De tänker på hur svårt det var för deltagarna att få jobb från början.',
};

/** The AF-figure labels in every language; `keys` and `raw` serve the completeness report. */
export const afLabels = dictionary(sv, { en, ar, so, ti, prs, lattlast });

/** Translates an AF-figure label with `{name}` placeholders; a missing text falls back to Swedish. */
export const afLabel = afLabels.text;
