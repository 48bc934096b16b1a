/**
 * The application's version and the crawler's User-Agent built from it. One place, so the
 * User-Agent, the about-the-crawler page and logs always agree.
 */

/** Application version (keep in step with package.json). */
export const VERSION = '0.1.0';

/** Product token the crawler answers to in robots.txt (`User-agent: Valkollen`). */
export const CRAWLER_TOKEN = 'Valkollen';

/**
 * The crawler's User-Agent: `Valkollen/<version> (+<baseUrl>/om-crawlern)`, where the URL is the
 * public page that explains the crawler and how to contact us.
 */
export function crawlerUserAgent(baseUrl: string): string {
  return `${CRAWLER_TOKEN}/${VERSION} (+${baseUrl.replace(/\/+$/, '')}/om-crawlern)`;
}
