/**
 * zod schemas of the rule files (rules/R22-*.yaml) and of rules/ruleset.yaml. Objects are strict so
 * a misspelt key is reported instead of silently ignored.
 */
import { z } from 'zod';
import { PARTS, SEVERITIES } from './types';

const Texts = z
  .object({ sv: z.string().min(1), en: z.string().min(1) })
  .catchall(z.string().min(1));

/** A list of terms, or a map language → list of terms. */
export const TermListSchema = z.union([
  z.array(z.string().min(1)).min(1),
  z.record(z.string().regex(/^[a-z]{2,3}$/, 'language codes are two or three lower-case letters (or "any")'), z.array(z.string().min(1)).min(1)),
]);
export type TermList = z.infer<typeof TermListSchema>;

const Within = z.union([z.number().int().min(0).max(200), z.enum(['sentence', 'clause', 'block'])]);

const NearSchema = z.strictObject({ terms: TermListSchema, within: Within.optional() });
export const WHERE = ['before', 'after', 'window', 'clause', 'sentence', 'block', 'section', 'document'] as const;
const UnlessSchema = z.strictObject({
  terms: TermListSchema,
  where: z.enum(WHERE).default('sentence'),
  within: z.number().int().min(0).max(200).optional(),
  except: TermListSchema.optional(),
  /** The antipattern holds only when none of these occurs in the same unit (`where`). */
  without: TermListSchema.optional(),
});
export type UnlessSpec = z.infer<typeof UnlessSchema>;

const Part = z.enum(PARTS);
const Severity = z.enum(SEVERITIES);

const ClauseSchema = z.strictObject({
  trigger: TermListSchema,
  near: z.array(NearSchema).optional(),
  unless: z.array(UnlessSchema).optional(),
  at: z.literal('start').optional(),
  scope: z.array(Part).min(1).optional(),
  severity: Severity.optional(),
  /** `possible`: the clause gives a lead for a reviewer, never a certain finding. */
  certainty: z.enum(['certain', 'possible']).optional(),
  note: z.string().optional(),
});
export type ClauseSpec = z.infer<typeof ClauseSchema>;

/**
 * Who must speak for a finding of the rule to be certain: the provider's own voice ("vi", "hos
 * oss", the reader addressed, a call to action) somewhere in the unit around the match. Without
 * it, and without a known provider behind the page, the finding is a possible lead only: a claim in
 * the third person may be the press, an association or AF describing the market.
 */
const SpeakerSchema = z.strictObject({
  terms: TermListSchema,
  where: z.enum(['sentence', 'block', 'section', 'document']).default('document'),
  /** A speaker term in a sentence with one of these (reported speech: "säger hon") is someone quoted, not the page's voice. */
  except: TermListSchema.optional(),
  note: z.string().optional(),
});
export type SpeakerSpec = z.infer<typeof SpeakerSchema>;

const ProviderSchema = z.strictObject({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string().optional(),
  ratings: z.array(z.strictObject({ area: z.string().optional(), stars: z.number().int().min(0).max(10).nullable(), period: z.string() })).optional(),
  domains: z.array(z.string()).optional(),
});

const ExampleSchema = z.union([
  z.string().min(1),
  z
    .strictObject({
      text: z.string().min(1).optional(),
      html: z.string().min(1).optional(),
      pageUrl: z.string().url().optional(),
      provider: ProviderSchema.optional(),
      note: z.string().optional(),
    })
    .refine((e) => (e.text === undefined) !== (e.html === undefined), { message: 'give exactly one of text or html' }),
]);
export type ExampleSpec = z.infer<typeof ExampleSchema>;

const CheckSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('rating_vs_provider'),
    scale_max: z.number().int().min(1).max(10),
    near: TermListSchema,
    within: Within.default('sentence'),
    unless: z.array(UnlessSchema).optional(),
  }),
  z.strictObject({
    type: z.literal('language_parity'),
    base: z.string().regex(/^[a-z]{2,3}$/),
    claim_terms: z.array(z.string().regex(/^@[A-Za-z_]+$/, 'claim_terms are glossary references like "@gift"')).min(1),
    rules: z.array(z.string().regex(/^R22-[A-Z]+$/)),
    standalone_languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).default([]),
  }),
]);
export type CheckSpec = z.infer<typeof CheckSchema>;

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^R22-[A-Z]+$/, 'rule ids look like R22-INDUCEMENT'),
    title: Texts,
    severity: Severity,
    basis: z.strictObject({
      level: z.enum(['found', 'partly found', 'inferred']),
      // `text` is English; `sv` says the same in Swedish for the Swedish pages.
      sources: z.array(z.strictObject({ id: z.string().regex(/^S\d+$/, 'source ids look like S12'), text: z.string().min(1), sv: z.string().min(1).optional() })).min(1),
      note: z.string().optional(),
      noteSv: z.string().optional(),
    }),
    message: Texts,
    suggestion: Texts,
    link: z.string().min(1),
    audience: z.enum(['job-seekers', 'all']),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
    scope: z.array(Part).min(1).default(['body', 'title', 'h1', 'heading', 'meta', 'alt', 'aria', 'jsonld']),
    match: z.array(ClauseSchema).optional(),
    unless: z.array(UnlessSchema).optional(),
    speaker: SpeakerSchema.optional(),
    checks: z.array(CheckSchema).optional(),
    examples: z.strictObject({
      flag: z.array(ExampleSchema).min(8, 'at least 8 flag examples are required'),
      pass: z.array(ExampleSchema).min(8, 'at least 8 pass examples are required'),
    }),
  })
  .refine((r) => (r.match?.length ?? 0) + (r.checks?.length ?? 0) > 0, { message: 'a rule needs match clauses or checks', path: ['match'] });
export type RuleSpec = z.infer<typeof RuleSchema>;

export const RulesetSchema = z.strictObject({
  version: z.string().min(1),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
  window: z.number().int().min(1).max(200).default(25),
  official_domains: z.array(z.string()).default([]),
  glossary: z.record(z.string().regex(/^[A-Za-z_]+$/, 'glossary keys are letters and _'), z.record(z.string(), z.array(z.string().min(1)))),
});
export type RulesetSpec = z.infer<typeof RulesetSchema>;

