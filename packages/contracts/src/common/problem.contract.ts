import { z } from 'zod';

/** RFC 9457 problem details with Vanban's stable `code`. The web switches on `code`, never on text. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  /** Field-level problems, e.g. from validation: path like `body.username`. */
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const errorCodes = {
  validationFailed: 'request.validation_failed',
  malformedJson: 'request.malformed_json',
  unsupportedMediaType: 'request.unsupported_media_type',
  payloadTooLarge: 'request.payload_too_large',
  notFound: 'route.not_found',
  internal: 'internal.error',
  authRequired: 'auth.required',
  authInvalidCredentials: 'auth.invalid_credentials',
  authUserDisabled: 'auth.user_disabled',
  authLocked: 'auth.locked',
  authTotpRequired: 'auth.totp_required',
  authTotpInvalid: 'auth.totp_invalid',
  authSessionExpired: 'auth.session_expired',
  authCsrfFailed: 'auth.csrf_failed',
  authTokenInvalid: 'auth.token_invalid',
  authTokenScope: 'auth.token_scope_insufficient',
  forbidden: 'auth.forbidden',
  delegationInvalid: 'delegations.invalid',
  delegationNotActive: 'delegations.not_active',
  userNotFound: 'users.not_found',
  usernameTaken: 'users.username_taken',
  agencyNotFound: 'agencies.not_found',
  agencyCodeInvalid: 'agencies.code_invalid',
  agencyCodeTaken: 'agencies.code_taken',
  agencyImportInvalid: 'agencies.import_invalid',
  unitNotFound: 'units.not_found',
  fileNotFound: 'files.not_found',
  fileRequired: 'files.file_required',
  fileTooLarge: 'files.too_large',
  fileTypeForbidden: 'files.type_forbidden',
  fileTypeMismatch: 'files.type_mismatch',
  filePdfInvalid: 'files.pdf_invalid',
  fileRangeNotSatisfiable: 'files.range_not_satisfiable',
  calendarDaysInvalid: 'calendar.days_invalid',
  incomingNotFound: 'incoming.not_found',
  incomingDuplicate: 'incoming.duplicate',
  incomingReferenceInvalid: 'incoming.reference_invalid',
  incomingDocTypeUnknown: 'incoming.doc_type_unknown',
  incomingSenderUnknown: 'incoming.sender_unknown',
  incomingDueDatePast: 'incoming.due_date_past',
  incomingInvalidTransition: 'incoming.invalid_transition',
  incomingAssigneeInvalid: 'incoming.assignee_invalid',
  incomingForbidden: 'incoming.forbidden',
  incomingCursorInvalid: 'incoming.cursor_invalid',
} as const;
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];
