/**
 * zod schemas of the self-check API's requests and responses. They validate requests and are the
 * source of the OpenAPI document (via @hono/zod-openapi), so docs and behaviour cannot drift.
 */
import { z } from '@hono/zod-openapi';
import { POSSIBLE_REASONS, SEVERITIES } from '../compliance/types';
import { MAX_INPUT_CHARS } from './settings';

export const SeveritySchema = z.enum(SEVERITIES).openapi('Severity', { description: 'low < medium < high < critical' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: '"minSeverity": Invalid option: expected one of "low"|"medium"|"high"|"critical"' }),
      field: z.string().optional().openapi({ description: 'The request field at fault, when there is one.', example: 'minSeverity' }),
    }),
  })
  .openapi('Error');

const SAMPLE_TEXT = 'Välj oss som leverantör och få ett presentkort på 500 kr!';

export const CheckRequestSchema = z
  .object({
    text: z.string().min(1).max(MAX_INPUT_CHARS).optional().openapi({ description: 'Plain text to check.', example: SAMPLE_TEXT }),
    html: z.string().min(1).max(MAX_INPUT_CHARS).optional().openapi({ description: 'An HTML page or fragment; visible text, title, meta, alt texts etc. are checked.' }),
    url: z
      .string()
      .max(2048)
      .url()
      .optional()
      .openapi({ description: 'A public http(s) page to fetch and check. Private, loopback and local addresses are refused.', example: 'https://www.example.se/' }),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'a language code of two or three lower-case letters')
      .optional()
      .openapi({ description: 'Language of messages and suggestions (default sv). See GET /api/v1/rules for the languages.', example: 'en' }),
    minSeverity: SeveritySchema.optional().openapi({ description: 'Leave out findings below this severity.' }),
    minConfidence: z.number().min(0).max(1).optional().openapi({ description: 'Leave out findings whose confidence is below this (0–1).', example: 0.5 }),
    certainty: z.enum(['certain', 'possible']).optional().openapi({ description: 'Only findings of this certainty: `certain` (a rule matched) or `possible` (only the learned model). Default both.' }),
    rules: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Run only these rule ids (see GET /api/v1/rules).', example: ['R22-INDUCEMENT'] }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const given = (['text', 'html', 'url'] as const).filter((k) => v[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'text'],
        message: given.length === 0 ? 'give one of "text", "html" or "url"' : `give only one of "text", "html" or "url" (got ${given.join(' and ')})`,
      });
    }
  })
  .openapi('CheckRequest', { description: 'Exactly one of text, html or url.', example: { text: SAMPLE_TEXT, lang: 'en' } });

export type CheckRequest = z.infer<typeof CheckRequestSchema>;

export const FindingSchema = z
  .object({
    ruleId: z.string().openapi({ example: 'R22-INDUCEMENT' }),
    severity: SeveritySchema,
    message: z.string(),
    suggestion: z.string(),
    link: z.string(),
    match: z.string().openapi({ description: 'The matched text (for HTML: the visible text).' }),
    start: z.number().int().openapi({ description: 'UTF-16 offset into the submitted text or HTML source (0 for findings on the page URL).' }),
    end: z.number().int(),
    line: z.number().int().openapi({ description: '1-based line (0 for findings on the page URL).' }),
    column: z.number().int(),
    context: z.string(),
    rulesetVersion: z.string(),
    fingerprint: z.string().openapi({ description: 'Stable identity of the finding (rule + normalised match + page).' }),
    confidence: z.number().min(0).max(1).openapi({ description: 'How sure the engine is (0–1). Certain rule matches are ≥ 0.9; model-only findings carry the model’s probability; a rule match without the provider’s voice 0.6 at most.', example: 0.97 }),
    certainty: z.enum(['certain', 'possible']).openapi({ description: '`certain`: a rule’s concepts matched and the text speaks as the provider (or the page is the provider’s). `possible`: a lead to check, never a verdict — see `possibleReason`.' }),
    possibleReason: z
      .enum(POSSIBLE_REASONS)
      .optional()
      .openapi({
        description:
          'Only on possible findings. `model_only`: only the learned model found it. `lead_clause`: a rule clause that gives leads only (e.g. a domain named after the programme). `speaker_unclear`: a rule matched, but nothing in the text shows the provider speaking about itself (a third-person claim may be the press, an association or AF).',
      }),
    language: z.string().openapi({ description: 'Language of the sentence the finding is in (sv, en, ar, fa, so, ti, pl, bs or und).', example: 'sv' }),
    evidence: z
      .array(z.object({ start: z.number().int(), end: z.number().int(), match: z.string() }))
      .openapi({ description: 'Every span that is evidence for this one violation (e.g. an image’s alt text and file name), offsets as for start/end.' }),
  })
  .openapi('Finding');

export const CoverageSchema = z
  .object({
    rules: z.array(z.string()).openapi({ description: 'Rule ids that ran.' }),
    ruleLanguages: z.array(z.string()).openapi({ description: 'Languages the rules have vocabulary for.' }),
    inputLanguages: z.array(z.string()).openapi({ description: 'Languages detected in the input, most sentences first (und = could not tell).' }),
    measuredRecall: z.number().nullable().openapi({ description: 'Share of violations the checker found in copy it was not tuned on, from the latest evaluation (null if not measured).' }),
    note: z.string().openapi({ description: 'What the result means. Without findings it says "no findings", never "compliant": the check catches most but not all wordings.' }),
  })
  .openapi('Coverage');

export const CheckResponseSchema = z
  .object({
    rulesetVersion: z.string().openapi({ example: '2026.12.1' }),
    findings: z.array(FindingSchema),
    coverage: CoverageSchema,
    stats: z.object({
      characters: z.number().int().openapi({ description: 'Characters checked (of the text, the HTML, or the fetched page).' }),
      ms: z.number().openapi({ description: 'Time the rule engine took on the server, in milliseconds (without waiting for a free worker or fetching a URL).' }),
    }),
    truncated: z
      .array(z.enum(['depth', 'attributes', 'elements', 'text', 'jsonld']))
      .optional()
      .openapi({
        description:
          'Present when the input hit a cap on hostile HTML and was read only in part (findings cover what was read): depth (more than 512 open elements), attributes (more than 256 on one element), elements (more than 250,000), text (more than 1,000,000 extracted characters), jsonld (a JSON-LD script over 100,000 characters or more than 200 JSON-LD texts).',
        example: ['depth'],
      }),
    url: z.string().optional().openapi({ description: 'For url checks: the final URL after redirects.' }),
  })
  .openapi('CheckResponse');

const Texts = z.record(z.string(), z.string()).openapi({ example: { sv: '…', en: '…' }, description: 'Per language code; sv and en always present.' });

const ExampleSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    pageUrl: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('RuleExample');

export const RuleSchema = z
  .object({
    id: z.string().openapi({ example: 'R22-INDUCEMENT' }),
    title: Texts,
    severity: SeveritySchema,
    basis: z.object({
      level: z.enum(['found', 'partly found', 'inferred']),
      sources: z.array(z.object({ id: z.string(), text: z.string(), sv: z.string().optional().openapi({ description: 'The same in Swedish' }) })),
      note: z.string().optional(),
      noteSv: z.string().optional().openapi({ description: 'The note in Swedish' }),
    }),
    message: Texts,
    suggestion: Texts,
    link: z.string(),
    audience: z.string(),
    languages: z.array(z.string()),
    examples: z.object({ flag: z.array(ExampleSchema), pass: z.array(ExampleSchema) }),
    measuredRecall: z
      .object({
        corpora: z.array(z.string()),
        recall: z.number().nullable(),
        violations: z.number().int(),
        perLanguage: z.record(z.string(), z.object({ recall: z.number().nullable(), violations: z.number().int() })),
      })
      .nullable()
      .openapi({ description: 'Recall of this rule (certain + possible findings) on labelled copy the rules were not tuned on, from the latest evaluation; per language for the whole ruleset. null = not measured.' }),
  })
  .openapi('Rule');

export const RuleListSchema = z
  .object({
    rulesetVersion: z.string(),
    languages: z.array(z.string()),
    rules: z.array(RuleSchema),
  })
  .openapi('RuleList');

export const RuleIdParamSchema = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'R22-INDUCEMENT', description: 'A rule id.' }),
});
