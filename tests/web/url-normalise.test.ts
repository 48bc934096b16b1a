import { describe, expect, it } from 'vitest';
import { acceptCanonical, dedupeUrls, isTrackingParam, normaliseUrl, sameSite, siteKey, urlKey } from '../../src/web/url-normalise';

describe('normaliseUrl', () => {
  it.each([
    ['HTTP://WWW.Exempel.SE:80/Tjanster#kontakt', 'http://www.exempel.se/Tjanster'],
    ['https://exempel.se:443/', 'https://exempel.se/'],
    ['https://exempel.se:8443/a', 'https://exempel.se:8443/a'],
    ['https://exempel.se.', 'https://exempel.se/'],
    ['https://exempel.se/a/./b/../c', 'https://exempel.se/a/c'],
    ['https://exempel.se/%7Eanna/%c3%a5r', 'https://exempel.se/~anna/%C3%A5r'],
    ['https://exempel.se/söka jobb', 'https://exempel.se/s%C3%B6ka%20jobb'],
    ['https://exempel.se/a%2Fb', 'https://exempel.se/a%2Fb'],
    ['https://exempel.se/?', 'https://exempel.se/'],
    ['https://exempel.se/a?b=2&a=1&&c=', 'https://exempel.se/a?a=1&b=2&c='],
    ['https://exempel.se/a?b=2&a=3&a=1', 'https://exempel.se/a?a=1&a=3&b=2'],
    ['https://exempel.se/a;jsessionid=ABC123?x=1', 'https://exempel.se/a?x=1'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it('drops tracking and session parameters but keeps meaningful ones, including ref', () => {
    expect(
      normaliseUrl(
        'https://exempel.se/tjanster?utm_source=nyhetsbrev&UTM_Medium=email&gclid=x&fbclid=y&msclkid=z&mc_cid=1&mc_eid=2&_ga=3&yclid=4&igshid=5&PHPSESSID=6&sida=2&ref=kampanj',
      ),
    ).toBe('https://exempel.se/tjanster?ref=kampanj&sida=2');
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('ref')).toBe(false);
    expect(normaliseUrl('https://exempel.se/?kampanj=1', undefined, { extraTrackingParams: ['kampanj'] })).toBe('https://exempel.se/');
  });

  it('turns IDN hosts into punycode', () => {
    expect(normaliseUrl('https://Jobbcoach-Västerås.se/Om')).toBe('https://xn--jobbcoach-vsters-5nbw.se/Om');
  });

  it('resolves relative links against a base', () => {
    expect(normaliseUrl('../kontakt?utm_source=x#karta', 'https://exempel.se/tjanster/coachning/')).toBe('https://exempel.se/tjanster/kontakt');
    expect(normaliseUrl('//exempel.se/a', 'https://annan.se/')).toBe('https://exempel.se/a');
    expect(normaliseUrl('?sida=2', 'https://exempel.se/nyheter')).toBe('https://exempel.se/nyheter?sida=2');
  });

  it('rejects what is not an http(s) URL', () => {
    for (const bad of ['mailto:info@exempel.se', 'tel:+4621123456', 'javascript:void(0)', 'ftp://exempel.se/', 'file:///etc/passwd', 'http://', 'inte en url']) {
      expect(normaliseUrl(bad)).toBeNull();
    }
  });
});

describe('urlKey and dedupeUrls', () => {
  it('treats /path and /path/ as one page but keeps the root', () => {
    expect(urlKey('https://exempel.se/tjanster/')).toBe(urlKey('https://exempel.se/tjanster'));
    expect(urlKey('https://exempel.se')).toBe('https://exempel.se/');
    expect(urlKey('https://exempel.se/')).toBe('https://exempel.se/');
  });

  it('collapses tracking-parameter and spelling duplicates to one URL', () => {
    const urls = [
      'https://Exempel.se/tjanster',
      'https://exempel.se/tjanster/?utm_source=nyhetsbrev&utm_medium=email',
      'https://exempel.se:443/tjanster#priser',
      'https://exempel.se/tjanster?fbclid=IwAR0abc',
      'https://exempel.se/kontakt',
      'mailto:info@exempel.se',
    ];
    expect(dedupeUrls(urls)).toEqual(['https://exempel.se/tjanster', 'https://exempel.se/kontakt']);
  });
});

describe('sites', () => {
  it('treats www. and the bare host, and http and https, as the same site', () => {
    expect(sameSite('https://www.exempel.se/a', 'http://exempel.se/b')).toBe(true);
    expect(sameSite('https://exempel.se/', 'https://jobb.exempel.se/')).toBe(false);
    expect(sameSite('https://exempel.se/', 'https://exempel.se.evil.example/')).toBe(false);
    expect(sameSite('http://127.0.0.1:4000/', 'http://127.0.0.1:4001/')).toBe(false);
    expect(siteKey('https://WWW.exempel.se:443/x')).toBe('exempel.se');
    expect(siteKey('mailto:a@b.se')).toBeNull();
  });

  it('accepts a canonical link only on the same site', () => {
    const page = 'https://www.exempel.se/kontakt?utm_source=x';
    expect(acceptCanonical(page, '/kontakt/')).toBe('https://www.exempel.se/kontakt/');
    expect(acceptCanonical(page, 'https://exempel.se/kontakt?utm_campaign=y')).toBe('https://exempel.se/kontakt');
    expect(acceptCanonical(page, 'https://konkurrent.se/kontakt')).toBeNull();
    expect(acceptCanonical(page, 'javascript:alert(1)')).toBeNull();
    expect(acceptCanonical(page, '')).toBeNull();
    expect(acceptCanonical(page, undefined)).toBeNull();
  });
});
