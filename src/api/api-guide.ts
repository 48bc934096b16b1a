/**
 * The getting-started text of the self-check API: who issues keys and how to ask for one, how to
 * send a key, the limits, the error shape and the CLI and web form that need no key. It is the
 * OpenAPI document's `info.description` (CommonMark, as OpenAPI prescribes), so API tools show it
 * too; /api/docs renders it with its `##` sections in the table of contents.
 */
import { MAX_BODY_BYTES } from './settings';

/** Paths the guide points to (kept here so tests and the text agree). */
export const GUIDE_LINKS = {
  contact: '/kontakt',
  adminKeys: '/review/admin/api-keys',
  form: '/sjalvkontroll',
  formEn: '/self-check',
  rules: '/rules',
} as const;

/** The guide in markdown, with the per-key rate limit this server applies by default. */
export function apiGuide(opts: { rateLimitPerMinute: number }): string {
  const kb = MAX_BODY_BYTES / 1024;
  return `Check marketing copy for Rusta och matcha against the chapter 22 rules of Arbetsförmedlingen's terms before it goes live. The API gives the same findings as the crawler that compliance officers use, the \`valkollen\` CLI and the web form at [${GUIDE_LINKS.form}](${GUIDE_LINKS.form}). The rules themselves are explained at [${GUIDE_LINKS.rules}](${GUIDE_LINKS.rules}).

## Getting an API key

\`POST /api/v1/check\` needs an API key; the rule catalogue (\`GET /api/v1/rules\`) is public. Keys are issued by the operator of this Valkollen service. There is no self-service sign-up.

- **Providers and their web agencies:** contact the operator through the [contact page](${GUIDE_LINKS.contact}). Give the provider's organisation number, what the key is for (for example "our publishing pipeline" or "web agency X") and who to contact about it. A key belongs to one provider.
- **Administrators at the operator:** create the key on the [API keys page](${GUIDE_LINKS.adminKeys}) of the review workspace, or on the server with \`npm run apikey -- create --provider <orgnr>\` (add \`--label "Web agency"\`, \`--rate-limit 120\` for another limit, or \`--no-provider\` for a test key). Send the key to the provider over a channel you trust.
- **Running Valkollen yourself:** \`npm start\` creates a demo key at first start and prints it once.

A key looks like \`vk_\` followed by 43 letters and digits. It is shown once, when it is created: Valkollen stores only a hash of it, so a lost key cannot be shown again, only replaced. Keep it on your server or in your CI secrets, never in a web page or in source code. If a key may have leaked, ask the operator to revoke it; a revoked key stops working at once.

## Sending the key

Send the key in the \`Authorization\` header of every request to \`POST /api/v1/check\`:

\`\`\`
Authorization: Bearer vk_…
\`\`\`

Without a key, or with an unknown or revoked one, the answer is 401 with \`WWW-Authenticate: Bearer\` and an error body. Each operation below shows a curl command that reads the key from \`$VALKOLLEN_API_KEY\`.

## Rate limits and sizes

- Each key may send ${opts.rateLimitPerMinute} requests per minute unless the operator has set another limit for it. The count is kept in fixed one-minute windows shared by every server.
- Every answer to a request with a key carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` (seconds until the window starts over).
- Over the limit the answer is 429 with \`Retry-After\`: wait that many seconds, then send again.
- A request body may be at most ${kb} KB (${MAX_BODY_BYTES} bytes); a larger one gets 413.

## Errors

Every error has the shape \`{ "error": { "code", "message", "field"? } }\`: \`code\` is stable for programs, \`message\` is written for people, and \`field\` names the request field at fault when there is one.

## Without a key: the CLI and the web form

The \`valkollen\` command runs the same rules on your own machine, with no key and no network, for example as a step in CI that fails the build on serious findings:

\`\`\`
npx valkollen check --fail-on high --format json site/**/*.html
\`\`\`

Exit code 0 means nothing at or above \`--fail-on\`, 1 means findings, 2 a usage or input error; \`valkollen check --help\` lists the options. To check a text by hand, paste it into the web form at [${GUIDE_LINKS.form}](${GUIDE_LINKS.form}) ([${GUIDE_LINKS.formEn}](${GUIDE_LINKS.formEn}) in English).`;
}
