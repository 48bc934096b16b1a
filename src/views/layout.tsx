/**
 * The one page shell of the site, public pages and review workspace alike: doctype, language and
 * direction, head (title, description, robots, stylesheets, icon), skip link, header bar with the
 * brand, main landmark and footer. What differs between the public site and the workspace — its
 * stylesheets, what stands beside the brand (language switch, signed-in user), what stands under
 * the bar (review note, workspace navigation), the footer — comes in as a `Frame`
 * (public-frame.tsx, src/review/views/workspace-frame.tsx). No inline script or style (the CSP
 * forbids them).
 */
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { localeInfo, type Locale } from '../i18n/locale-info';

/** What a kind of page (public, workspace) puts around its content. */
export interface Frame {
  locale: Locale;
  /** The site's name (after the page title, and the brand link's text) and the brand link's target. */
  site: { name: string; href: string };
  stylesheets: readonly string[];
  /** The robots meta tag's content, if any. */
  robots?: string;
  /** More of the head after the icon: hreflang alternates, scripts. */
  head?: Child;
  /** Text of the skip link to the main content. */
  skip: string;
  /** Beside the brand in the header bar: the language switch, who is signed in. */
  bar?: Child;
  /** Under the bar in the header: the review note, the workspace navigation. */
  belowBar?: Child;
  /** An extra class of <main>. */
  mainClass?: string;
  /** An extra class of the footer, beside `site`. */
  footerClass?: string;
  /** The footer's content. */
  footer: Child;
}

export interface LayoutProps {
  frame: Frame;
  title: string;
  description?: string;
  children?: Child;
}

/** Wraps page content in the shell, dressed by its frame. */
export const Layout: FC<LayoutProps> = ({ frame, title, description, children }) => {
  const info = localeInfo(frame.locale);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={info.htmlLang} dir={info.dir === 'rtl' ? 'rtl' : undefined}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} – ${frame.site.name}`}</title>
          {description ? <meta name="description" content={description} /> : null}
          {frame.robots ? <meta name="robots" content={frame.robots} /> : null}
          {frame.stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          {/* No icon yet: an empty one stops browsers requesting /favicon.ico (a 404 on every first visit). */}
          <link rel="icon" href="data:," />
          {frame.head}
        </head>
        <body>
          <a class="skip" href="#main">
            {frame.skip}
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href={frame.site.href}>
                {frame.site.name}
              </a>
              {frame.bar}
            </div>
            {frame.belowBar}
          </header>
          <main id="main" class={frame.mainClass} tabindex={-1}>
            {children}
          </main>
          <footer class={frame.footerClass ? `site ${frame.footerClass}` : 'site'}>
            <div class="inner">{frame.footer}</div>
          </footer>
        </body>
      </html>
    </>
  );
};
