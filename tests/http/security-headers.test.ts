import { describe, expect, it } from 'vitest';
import { HSTS } from '../../src/http/security-headers';
import { testApp } from '../helpers/app';

describe('security headers', () => {
  it('sends HSTS on every response when the public address is https', async () => {
    const t = await testApp({ env: { PUBLIC_BASE_URL: 'https://valkollen.example' } });
    try {
      for (const path of ['/', '/healthz', '/api/v1/rules', '/no-such-page']) {
        const res = await t.app.request(path);
        expect(res.headers.get('strict-transport-security'), path).toBe(HSTS);
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
    } finally {
      t.close();
    }
  });
  it('sends no HSTS over plain http (a local or test deployment)', async () => {
    const t = await testApp({ env: { PUBLIC_BASE_URL: 'http://127.0.0.1:8787' } });
    try {
      const res = await t.app.request('/');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      t.close();
    }
  });
});
