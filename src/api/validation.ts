/**
 * Turns zod validation failures into the service's one error shape: 422 `invalid_request`
 * naming the field (the issue's path, dotted: "rules.2", "minSeverity"). The body stays small
 * whatever the request held: at most MAX_NAMED_FIELDS unknown keys are named (each cut to
 * MAX_NAME_CHARS), then a count, so a request with thousands of keys cannot echo itself back.
 */
import type { z } from 'zod';
import { AppError } from '../http/errors';

/** How many unknown keys a 422 names before it only counts the rest. */
export const MAX_NAMED_FIELDS = 10;
/** Longest field name echoed in an error (longer names are cut and marked with "…"). */
export const MAX_NAME_CHARS = 60;

const cut = (name: string) => (name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name);

/** "Unknown fields: "a", "b" … and 4,990 more (5,000 in all)": the first few by name, then a count. */
export function unknownKeysMessage(keys: readonly string[]): string {
  const named = keys.slice(0, MAX_NAMED_FIELDS).map((k) => JSON.stringify(cut(k)));
  const rest = keys.length - named.length;
  const noun = keys.length === 1 ? 'Unknown field' : 'Unknown fields';
  return `${noun}: ${named.join(', ')}${rest > 0 ? ` and ${rest} more (${keys.length} in all)` : ''}.`;
}

/** The AppError for the first issue of a zod error. */
export function zodToAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // An unknown key has an empty path; name the key itself.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : (issue?.path ?? []);
  const field = path.length ? cut(path.map(String).join('.')) : undefined;
  const detail = issue?.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : (issue?.message ?? '').slice(0, 300);
  const message = issue ? `${field ? `"${field}": ` : ''}${detail}` : 'The request does not match the schema.';
  return new AppError(422, 'invalid_request', message, field);
}

/** `defaultHook` for OpenAPIHono: throws the 422 instead of returning zod's own response. */
export function throwOnInvalid(result: { success: boolean; error?: unknown }): void {
  if (!result.success) throw zodToAppError(result.error as z.ZodError);
}
