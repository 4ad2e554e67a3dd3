import type { z } from 'zod';
import type { FieldError } from './app-error.js';

/** zod issues as `{ field, message }`, the field a dotted path under `prefix` ('value.close'). */
export function zodFieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: path ? `${prefix}.${path}` : prefix, message: issue.message };
  });
}
