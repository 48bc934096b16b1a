/**
 * Turns zod validation failures into the service's one error shape: 422 `invalid_request`
 * naming the field (the issue's path, dotted: "rules.2", "minSeverity").
 */
import type { z } from 'zod';
import { AppError } from '../http/errors';

/** The AppError for the first issue of a zod error. */
export function zodToAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // An unknown key has an empty path; name the key itself.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : (issue?.path ?? []);
  const field = path.length ? path.map(String).join('.') : undefined;
  const message = issue ? `${field ? `"${field}": ` : ''}${issue.message}` : 'The request does not match the schema.';
  return new AppError(422, 'invalid_request', message, field);
}

/** `defaultHook` for OpenAPIHono: throws the 422 instead of returning zod's own response. */
export function throwOnInvalid(result: { success: boolean; error?: unknown }): void {
  if (!result.success) throw zodToAppError(result.error as z.ZodError);
}
