import { errorCodes } from '@vanban/contracts';
import { isApiError } from '../../app/api';
import type { FieldProblem } from '../../app/api';
import type { FormFeedback, MessageKey } from '../incoming/problems';

/** Where a problem code's message goes: at a field, or above the form when no field is named. */
export interface CodeRule<F extends string> {
  field?: F;
  message: MessageKey;
  /** Messages for the `errors[].path` fields this code names (e.g. `delegations.invalid`). */
  byPath?: Partial<Record<F, MessageKey>>;
}

/** Codes every admin form understands. */
const commonRules: Partial<Record<string, CodeRule<never>>> = {
  [errorCodes.forbidden]: { message: 'admin.errors.forbidden' },
  [errorCodes.userNotFound]: { message: 'admin.errors.userNotFound' },
  [errorCodes.agencyNotFound]: { message: 'admin.errors.agencyNotFound' },
  [errorCodes.unitNotFound]: { message: 'admin.errors.unitNotFound' },
  [errorCodes.payloadTooLarge]: { message: 'admin.errors.tooLarge' },
};

function bodyField<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const [root, first] = path.split('.');
  if (root !== 'body' || first === undefined) return undefined;
  return fields.find((field) => field === first);
}

function validationMessage(problem: FieldProblem): MessageKey {
  if (problem.code === 'invalid_type') return 'forms.required';
  if (problem.code === 'too_small') return 'admin.errors.tooShort';
  if (problem.code === 'too_big') return 'forms.tooLong';
  return 'forms.invalid';
}

/**
 * The feedback of an admin form after a failed request: validation problems at their fields
 * (`fieldMessages` overrides the generic message of a field, e.g. the password rule), a known
 * problem code at its field or above the form, anything else as the generic form message.
 */
export function adminFeedback<F extends string>(
  error: unknown,
  fields: readonly F[],
  rules: Partial<Record<string, CodeRule<F>>> = {},
  fieldMessages: Partial<Record<F, MessageKey>> = {},
): FormFeedback<F> {
  if (!isApiError(error)) return { fields: {}, form: 'generic' };
  const result: FormFeedback<F> = { fields: {} };
  const rule: CodeRule<F> | undefined = rules[error.code] ?? commonRules[error.code];
  for (const problem of error.errors) {
    const field = bodyField(problem.path, fields);
    if (!field || result.fields[field]) continue;
    result.fields[field] =
      rule?.byPath?.[field] ??
      (error.code === errorCodes.validationFailed
        ? (fieldMessages[field] ?? validationMessage(problem))
        : (rule?.message ?? validationMessage(problem)));
  }
  if (rule && Object.keys(result.fields).length === 0) {
    if (rule.field) result.fields[rule.field] = rule.message;
    else result.form = rule.message;
  }
  if (Object.keys(result.fields).length === 0 && !result.form) result.form = 'generic';
  return result;
}
