/** Hono environment of the API routers: the app's variables plus the authenticated key. */
import type { AppEnv } from '../http/env';
import type { ApiKeyRow } from './api-keys';

export interface ApiEnv {
  Variables: AppEnv['Variables'] & {
    /** Set by `requireApiKey` for authenticated routes. */
    apiKey: ApiKeyRow;
  };
}
