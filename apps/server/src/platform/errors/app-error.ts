export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** An error that is safe to show: a stable code, an HTTP status and a human title. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Extra problem members (RFC 9457 §3.2), e.g. the documents a duplicate collides with. */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(options: {
    code: string;
    status: number;
    title: string;
    detail?: string;
    errors?: FieldProblem[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(options.detail ?? options.title, { cause: options.cause });
    this.name = 'AppError';
    this.code = options.code;
    this.status = options.status;
    this.title = options.title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Per-module error factory: `createError('agencies.not_found', 404, 'Agency not found')`. */
export function defineError(code: string, status: number, title: string) {
  return (
    detail?: string,
    extra?: {
      errors?: FieldProblem[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    },
  ) => new AppError({ code, status, title, ...(detail !== undefined ? { detail } : {}), ...extra });
}

export const commonErrors = {
  forbidden: defineError('auth.forbidden', 403, 'You are not allowed to do this'),
  validation: defineError('request.validation_failed', 400, 'The request is not valid'),
  notFound: defineError('route.not_found', 404, 'Not found'),
};
