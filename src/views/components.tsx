/**
 * Shared view pieces of the public pages: the search form, scrollable tables, placeholders filled
 * with elements, and the back arrow that keeps its direction inside right-to-left text.
 */
import type { Child, FC } from 'hono/jsx';
import { formatDate, formatPeriod } from '../i18n/format';
import { localeInfo, localePath, type Locale } from '../i18n/locale-info';
import { t, type MessageKey } from '../i18n/public/texts';

/** A right back-arrow in right-to-left pages, a left one otherwise (arrows are not mirrored by bidi). */
export const backArrow = (locale: Locale) => (localeInfo(locale).dir === 'rtl' ? '→' : '←');

/**
 * Renders a translated text with `{name}` placeholders replaced by elements, e.g.
 * rich('Vi identifierar oss som {ua}.', { ua: <code>…</code> }).
 */
export function rich(text: string, parts: Record<string, Child>): Child[] {
  return text.split(/(\{[a-zA-Z]+\})/).map((piece) => {
    const m = /^\{([a-zA-Z]+)\}$/.exec(piece);
    return m && m[1] in parts ? parts[m[1]] : piece;
  });
}

/**
 * Wrapper letting a wide table scroll sideways on small screens. It is a labelled,
 * focusable region so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export const TableScroll: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div class="table-wrap" role="region" aria-label={label} tabindex={0}>
    {children}
  </div>
);

/**
 * A data table in the scroll wrapper above, with a caption for screen readers and one header cell
 * per column; the children are its body rows. Used by the review workspace and the API reference.
 */
export const DataTable: FC<{ caption: string; columns: Child[]; class?: string; testId?: string; children?: Child }> = ({ caption, columns, class: cls, testId, children }) => (
  <TableScroll label={caption}>
    <table class={cls} data-testid={testId}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </TableScroll>
);

/** The municipality / postcode search form (GET /sok), usable without JavaScript. */
export const SearchForm: FC<{ locale: Locale; value?: string; id?: string }> = ({ locale, value, id = 'q' }) => (
  <form class="search" role="search" method="get" action={localePath(locale, '/sok')}>
    <div class="field">
      <label for={id}>
        {t(locale, 'searchLabel')} <span class="hint">{t(locale, 'searchHint')}</span>
      </label>
      <input type="search" id={id} name="q" value={value ?? ''} autocomplete="address-level2" maxlength={100} required />
    </div>
    <button type="submit">{t(locale, 'searchButton')}</button>
  </form>
);
