import type { CodeRule } from '../admin/problems';
import type { MessageKey } from '../incoming/problems';

/** Problem codes → messages above the form (or at `field`), for `adminFeedback` / `ErrorAlert`. */
export function codeRules<F extends string = never>(
  messages: Readonly<Record<string, MessageKey>>,
  fields: Readonly<Partial<Record<string, F>>> = {},
): Partial<Record<string, CodeRule<F>>> {
  const rules: Partial<Record<string, CodeRule<F>>> = {};
  for (const [code, message] of Object.entries(messages)) {
    const field = fields[code];
    rules[code] = field ? { message, field } : { message };
  }
  return rules;
}
