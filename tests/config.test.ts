import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('settings', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ HOST: '127.0.0.1', PORT: 8787, DATABASE_URL: 'file:data/valkollen.db', SEED_DEMO: true, PUBLIC_BASE_URL: 'http://127.0.0.1:8787' });
  });
  it('derives the public address from HOST and PORT unless it is set', () => {
    expect(loadConfig({ PORT: '9000' }).PUBLIC_BASE_URL).toBe('http://127.0.0.1:9000');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://valkollen.example.se/' }).PUBLIC_BASE_URL).toBe('https://valkollen.example.se');
  });
  it('parses lists and flags', () => {
    const c = loadConfig({ CRAWL_ALLOW_HOSTS: ' 127.0.0.1, Fixture.Local ', SEED_DEMO: 'no' });
    expect(c.CRAWL_ALLOW_HOSTS).toEqual(['127.0.0.1', 'fixture.local']);
    expect(c.SEED_DEMO).toBe(false);
  });
  it('reads allow-lists with ports, one per purpose; the check API\'s is empty by default', () => {
    const c = loadConfig({ CRAWL_ALLOW_HOSTS: 'localhost:8080, 127.0.0.1, [::1]:9000, ::1' });
    expect(c.CRAWL_ALLOW_HOSTS).toEqual(['localhost:8080', '127.0.0.1', '[::1]:9000', '::1']);
    expect(c.CHECK_URL_ALLOW_HOSTS).toEqual([]);
    expect(loadConfig({ CHECK_URL_ALLOW_HOSTS: 'fixture.test:3000' }).CHECK_URL_ALLOW_HOSTS).toEqual(['fixture.test:3000']);
    for (const bad of ['localhost:0', 'localhost:99999', 'localhost:', 'host:port', '[::1]:x', 'http://x/']) {
      expect(() => loadConfig({ CRAWL_ALLOW_HOSTS: bad })).toThrow(/CRAWL_ALLOW_HOSTS/);
      expect(() => loadConfig({ CHECK_URL_ALLOW_HOSTS: bad })).toThrow(/CHECK_URL_ALLOW_HOSTS/);
    }
  });
  it('stops on a bad setting with a message naming each one', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_BASE_URL: 'not a url' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'LOG_LEVEL', 'PUBLIC_BASE_URL']) expect(msg).toContain(name);
    expect(msg).toContain('"eighty"');
  });
});
