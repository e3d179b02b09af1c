import { errorCodes, problemSchema } from '@vanban/contracts';
import type { Problem } from '@vanban/contracts';
import type { z } from 'zod';

/** Codes the web client adds for failures that never reached (or never came back from) the API. */
export const clientErrorCodes = {
  network: 'client.network_error',
  invalidResponse: 'client.invalid_response',
  unexpectedStatus: 'client.unexpected_status',
} as const;

export type FieldProblem = NonNullable<Problem['errors']>[number];

/** An error answer from the API (RFC 9457 problem+json), or a client-side failure with status 0. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly requestId: string | undefined;
  /** Extra members of the problem (RFC 9457 §3.2), e.g. `duplicates` of `incoming.duplicate`. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    errors?: FieldProblem[] | undefined;
    requestId?: string | undefined;
    extensions?: Record<string, unknown> | undefined;
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.extensions = init.extensions ?? {};
  }

  static fromProblem(problem: Problem, raw: Record<string, unknown> = {}): ApiError {
    const known = new Set(Object.keys(problemSchema.shape));
    const extensions = Object.fromEntries(Object.entries(raw).filter(([key]) => !known.has(key)));
    return new ApiError({ ...problem, extensions });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** 401 codes after which the user must sign in again (the login page comes back to where they were). */
const authLostCodes = new Set<string>([errorCodes.authRequired, errorCodes.authSessionExpired]);

export function isAuthLost(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 401 && authLostCodes.has(error.code);
}

// --- CSRF --------------------------------------------------------------------------------------

const csrfCookieName = 'vanban_csrf';
let csrfToken: string | null = null;

/** Remembers the token from `me.auth.csrfToken` (login and GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [rawKey, ...rest] = part.trim().split('=');
    if (rawKey === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

export function getCsrfToken(): string | null {
  return csrfToken ?? readCookie(csrfCookieName);
}

// --- Session loss ------------------------------------------------------------------------------

type AuthLostListener = (error: ApiError) => void;
const authLostListeners = new Set<AuthLostListener>();

/** Called whenever a request answers 401 `auth.required` / `auth.session_expired`. */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListeners.add(listener);
  return () => {
    authLostListeners.delete(listener);
  };
}

// --- Requests ----------------------------------------------------------------------------------

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Don't announce a 401 to the session-loss listeners (the login request itself). */
  silentAuth?: boolean;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('application/json') || type.includes('+json');
}

export async function toApiError(response: Response): Promise<ApiError> {
  if (isJson(response)) {
    try {
      const raw: unknown = await response.json();
      const parsed = problemSchema.safeParse(raw);
      if (parsed.success) {
        return ApiError.fromProblem(parsed.data, raw as Record<string, unknown>);
      }
    } catch {
      // Fall through to the generic error below.
    }
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? errorCodes.internal : clientErrorCodes.unexpectedStatus,
    title: response.statusText || `HTTP ${String(response.status)}`,
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (method !== 'GET') {
    const token = getCsrfToken();
    if (token) {
      headers.set('X-CSRF-Token', token);
    }
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({ status: 0, code: clientErrorCodes.network, title: 'Network error' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (!options.silentAuth && isAuthLost(error)) {
      for (const listener of authLostListeners) {
        listener(error);
      }
    }
    throw error;
  }
  return response;
}

/** Sends a request and validates the JSON answer against a contract schema. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ApiError({
      status: response.status,
      code: clientErrorCodes.invalidResponse,
      title: 'Invalid JSON',
    });
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: clientErrorCodes.invalidResponse,
      title: 'Response does not match the contract',
      detail: parsed.error.message,
    });
  }
  return parsed.data;
}

/** Sends a request whose answer body, if any, is not needed (204, `{ ok: true }`). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** `?a=1&b=x` from the defined, non-empty values of `params` (arrays repeat the key). */
export function queryString(
  params: Record<string, string | number | boolean | readonly string[] | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) {
        search.append(key, item);
      }
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads one file as `multipart/form-data` (field `file`) with progress reports; XMLHttpRequest
 * because `fetch` has no upload progress. Answers like `request`: validated, or an `ApiError`.
 */
export function uploadWithProgress<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = getCsrfToken();
    if (token) {
      xhr.setRequestHeader('X-CSRF-Token', token);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(event.loaded / event.total);
      }
    };
    xhr.onerror = () => {
      reject(new ApiError({ status: 0, code: clientErrorCodes.network, title: 'Network error' }));
    };
    xhr.onabort = () => {
      reject(new DOMException('Upload aborted', 'AbortError'));
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (!response.ok) {
        void toApiError(response).then((error) => {
          if (isAuthLost(error)) {
            for (const listener of authLostListeners) {
              listener(error);
            }
          }
          reject(error);
        });
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        reject(
          new ApiError({
            status: xhr.status,
            code: clientErrorCodes.invalidResponse,
            title: 'Invalid JSON',
          }),
        );
        return;
      }
      const parsed = schema.safeParse(payload);
      if (parsed.success) {
        resolve(parsed.data);
      } else {
        reject(
          new ApiError({
            status: xhr.status,
            code: clientErrorCodes.invalidResponse,
            title: 'Response does not match the contract',
            detail: parsed.error.message,
          }),
        );
      }
    };
    options.signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
