import { duplicateProblemDataSchema, errorCodes } from '@vanban/contracts';
import type { ParseKeys } from 'i18next';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import type { FieldProblem } from '../../app/api';

export type MessageKey = ParseKeys;

export type Duplicate = z.infer<typeof duplicateProblemDataSchema>[number];

export const registerFields = [
  'sender',
  'reference',
  'issueDate',
  'docType',
  'subject',
  'signerName',
  'signerPosition',
  'urgency',
  'secrecy',
  'pageCount',
  'due',
  'notes',
  'files',
  'submitTo',
] as const;
export type RegisterField = (typeof registerFields)[number];

/** What the form shows after a failed request: messages at fields, a form message, duplicates. */
export interface FormFeedback<F extends string> {
  fields: Partial<Record<F, MessageKey>>;
  /** A message for the whole form, when no field fits (network, server, other codes). */
  form?: 'generic' | MessageKey;
  duplicates?: Duplicate[];
}

const referenceProblemKeys: Record<string, MessageKey> = {
  empty: 'incoming.reference.problems.empty',
  missing_separator: 'incoming.reference.problems.missing_separator',
  missing_number: 'incoming.reference.problems.missing_number',
  invalid_number: 'incoming.reference.problems.invalid_number',
  zero_number: 'incoming.reference.problems.zero_number',
  invalid_year: 'incoming.reference.problems.invalid_year',
  year_out_of_range: 'incoming.reference.problems.year_out_of_range',
  missing_notation: 'incoming.reference.problems.missing_notation',
  invalid_notation: 'incoming.reference.problems.invalid_notation',
  missing_issuer: 'incoming.reference.problems.missing_issuer',
  too_many_parts: 'incoming.reference.problems.too_many_parts',
};

/** Message of a number/notation problem code (the parser's `reason`, also sent by the server). */
export function referenceProblemKey(code: string | undefined): MessageKey {
  return (code && referenceProblemKeys[code]) || 'incoming.reference.problems.invalid_notation';
}

/** First path segment after `body.`: `body.sender.agencyCode` → `sender`. */
function bodyField<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const [root, first] = path.split('.');
  if (root !== 'body' || first === undefined) return undefined;
  return fields.find((field) => field === first);
}

function validationMessage(problem: FieldProblem): MessageKey {
  if (problem.code === 'too_small' || problem.code === 'invalid_type') return 'forms.required';
  if (problem.code === 'too_big') return 'forms.tooLong';
  return 'forms.invalid';
}

/**
 * Field messages of a validation answer (`request.validation_failed`, or 422 problems with
 * `errors[].path`) for the fields of one form; the rest becomes a form message.
 */
export function fieldFeedback<F extends string>(
  error: unknown,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
): FormFeedback<F> {
  if (!isApiError(error)) return { fields: {}, form: 'generic' };
  const result: FormFeedback<F> = { fields: {} };
  for (const problem of error.errors) {
    const field = bodyField(problem.path, fields);
    if (field && !result.fields[field]) {
      result.fields[field] = validationMessage(problem);
    }
  }
  const codeField = byCode[error.code];
  const codeKey = codeMessage(error.code);
  if (codeField && !result.fields[codeField] && codeKey !== 'generic') {
    result.fields[codeField] = codeKey;
  }
  if (Object.keys(result.fields).length === 0) {
    result.form = codeKey;
  }
  return result;
}

const codeMessages: Partial<Record<string, MessageKey>> = {
  [errorCodes.incomingDocTypeUnknown]: 'incoming.errors.docTypeUnknown',
  [errorCodes.incomingSenderUnknown]: 'incoming.errors.senderUnknown',
  [errorCodes.incomingDueDatePast]: 'incoming.errors.dueDatePast',
  [errorCodes.incomingAssigneeInvalid]: 'incoming.errors.assigneeInvalid',
  [errorCodes.incomingInvalidTransition]: 'incoming.errors.invalidTransition',
  [errorCodes.incomingForbidden]: 'incoming.errors.forbidden',
  [errorCodes.incomingNotFound]: 'incoming.errors.notFound',
  [errorCodes.incomingReferenceInvalid]: 'incoming.reference.problems.invalid_notation',
  [errorCodes.fileNotFound]: 'incoming.errors.fileNotFound',
};

/** A known problem code's message, or `generic` (network, server, unexpected). */
export function codeMessage(code: string): MessageKey | 'generic' {
  return codeMessages[code] ?? 'generic';
}

/** The register form: problem codes and `errors[].path` → the field that shows the message. */
export function registerFeedback(error: unknown): FormFeedback<RegisterField> {
  if (!isApiError(error)) return { fields: {}, form: 'generic' };
  if (error.code === errorCodes.incomingDuplicate) {
    const parsed = duplicateProblemDataSchema.safeParse(error.extensions['duplicates']);
    return { fields: {}, duplicates: parsed.success ? parsed.data : [] };
  }
  if (error.code === errorCodes.incomingReferenceInvalid) {
    const fields: FormFeedback<RegisterField>['fields'] = {};
    for (const problem of error.errors) {
      const field = bodyField(problem.path, registerFields);
      if (field === 'issueDate') fields.issueDate = 'incoming.errors.issueDateFuture';
      else if (field === 'reference') fields.reference = referenceProblemKey(problem.code);
    }
    if (!fields.issueDate && !fields.reference) {
      fields.reference = referenceProblemKey(undefined);
    }
    return { fields };
  }
  return fieldFeedback(error, registerFields, {
    [errorCodes.incomingDocTypeUnknown]: 'docType',
    [errorCodes.incomingSenderUnknown]: 'sender',
    [errorCodes.incomingDueDatePast]: 'due',
    [errorCodes.incomingAssigneeInvalid]: 'submitTo',
    [errorCodes.fileNotFound]: 'files',
  });
}
