/**
 * Field validation for provider import records (zod). Column types come from the drizzle
 * tables through drizzle-zod, refined with the file's rules; keys are the file's field
 * names, so zod issue paths are the field names reported to operators.
 */
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { parseOrgnr, type Orgnr } from '../../lib/orgnr';
import { parsePostcode } from '../../lib/text-fold';
import { contracts, offices, providers } from '../../db/schema';

const providerColumns = createInsertSchema(providers, {
  displayName: (s) => s.trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: (s) => s.trim().max(1000, 'must be at most 1,000 characters'),
}).shape;
const contractColumns = createInsertSchema(contracts, {
  kaNumber: (s) =>
    s.trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9\-/]{2,39}$/, 'KA number must be 3–40 letters, digits, "-" or "/"'),
  startDate: () => z.iso.date('start_date must be a date YYYY-MM-DD'),
}).shape;
const officeColumns = createInsertSchema(offices, {
  street: (s) => s.trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  town: (s) => s.trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
}).shape;

/** Makes a schema's "missing" error say "is required". */
function required<T extends z.ZodType<unknown, string>>(schema: T) {
  return z.unknown().refine((v) => v !== undefined, { message: 'is required' }).pipe(
    z.any().refine((v) => typeof v === 'string' || typeof v === 'number', { message: 'must be text' })
      .transform((v) => String(v))
      .pipe(schema),
  );
}

const orgnr = required(
  z.string().transform((v, ctx): Orgnr => {
    const r = parseOrgnr(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  }),
);

const YES = ['yes', 'ja', 'true', '1', 'y', 'j'];
const NO = ['no', 'nej', 'false', '0', 'n'];
const yesNo = z
  .union([z.boolean(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const s = v.trim().toLowerCase();
    if (YES.includes(s)) return true;
    if (NO.includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be yes or no (ja/nej, true/false) or empty for unknown' });
    return z.NEVER;
  });

/** A website: http(s) URL; "www.example.se" gets https:// added. */
const website = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const withScheme = /^https?:\/\//i.test(v) ? v : `https://${v}`;
    try {
      const u = new URL(withScheme);
      if (!u.hostname.includes('.') || /\s/.test(v)) throw new Error('host');
      return u.toString().replace(/\/$/, '');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'website must be a web address such as https://www.example.se' });
      return z.NEVER;
    }
  });

/** Languages: a JSON array or a text list separated by spaces, "|", "/", "," or ";". */
function languageList(known: ReadonlySet<string>) {
  return z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(/[\s|/,;]+/)).map((c) => c.trim().toLowerCase()).filter(Boolean))
    .superRefine((codes, ctx) => {
      for (const c of codes) {
        if (!known.has(c)) ctx.addIssue({ code: 'custom', message: `unknown language code "${c}"; use ISO 639 codes such as sv, en, ar, so, ti, prs` });
      }
    })
    .transform((codes) => [...new Set(codes)].sort());
}

const REMOTE: Record<string, 'yes' | 'partly' | 'no'> = { yes: 'yes', ja: 'yes', partly: 'partly', delvis: 'partly', no: 'no', nej: 'no' };
const remoteMeetings = z.string().transform((v, ctx) => {
  const value = REMOTE[v.trim().toLowerCase()];
  if (!value) {
    ctx.addIssue({ code: 'custom', message: 'remote_meetings must be yes, partly or no (ja, delvis, nej)' });
    return z.NEVER;
  }
  return value;
});

const postcode = required(
  z.string().transform((v, ctx) => {
    const p = parsePostcode(v);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'postcode must be five digits, e.g. 722 11' });
      return z.NEVER;
    }
    return p;
  }),
);

/** Builds the per-kind record schemas; `languageCodes` are the codes in the languages table. */
export function recordSchemas(languageCodes: ReadonlySet<string>) {
  return {
    provider: z.object({
      orgnr,
      name: required(providerColumns.displayName),
      website: website.optional(),
      description: providerColumns.description.optional(),
      languages: languageList(languageCodes).optional(),
      remote_meetings: remoteMeetings.optional(),
    }),
    contract: z.object({
      orgnr,
      ka_number: required(contractColumns.kaNumber),
      delivery_area: required(z.string().trim().min(1, 'is required').max(100)),
      start_date: z.any().pipe(contractColumns.startDate).optional(),
      accepting_new: yesNo.optional(),
    }),
    office: z.object({
      orgnr,
      street: required(officeColumns.street),
      postcode,
      town: required(officeColumns.town),
    }),
  };
}

type Schemas = ReturnType<typeof recordSchemas>;
export type ProviderRecord = z.output<Schemas['provider']> & { line: number };
export type ContractRecord = z.output<Schemas['contract']> & { line: number };
export type OfficeRecord = z.output<Schemas['office']> & { line: number };
