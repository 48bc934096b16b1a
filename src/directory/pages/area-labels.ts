/** Labels shared by the delivery-area views: the basis of a municipality's membership. */
import { t, type MessageKey } from '../../i18n/public/texts';
import type { Locale } from '../../i18n/locale-info';

const KNOWN = new Set(['af_document', 'inferred', 'demo']);

/** "af_document" / "inferred: …" / "demo" → a plain label; anything else is shown as its source. */
export function basisLabel(locale: Locale, basis: string): string {
  const kind = basis.split(':')[0].trim();
  return KNOWN.has(kind) ? t(locale, `basis_${kind}` as MessageKey) : t(locale, 'basis_other', { b: basis });
}
