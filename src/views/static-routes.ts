/**
 * Serves the stylesheet under a content-hashed path, cacheable for a year.
 */
import { Hono } from 'hono';
import { hash32 } from '../lib/hash';
import { APP_CSS } from './styles';

const CSS_HASH = hash32(APP_CSS).toString(36);

/** Where pages link the stylesheet; changes whenever the CSS changes. */
export const STYLESHEET_PATH = `/static/app.${CSS_HASH}.css`;

/** Router for /static assets. */
export function staticRoutes() {
  const r = new Hono();
  r.get('/static/:file{app\\.[a-z0-9]+\\.css}', (c) => {
    if (c.req.path !== STYLESHEET_PATH) return c.redirect(STYLESHEET_PATH, 301);
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(APP_CSS);
  });
  return r;
}
