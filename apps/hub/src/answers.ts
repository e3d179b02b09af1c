/**
 * The axis answer shape (standards.md §1.8): always HTTP 200, `status` OK/FAIL, `ErrorCode` "0" on
 * success, `ErrorDesc`, and the operation's payload fields present even on failure.
 */
import { HUB_ERRORS, type HubErrorKey, type Operation } from './protocol.js';

/** A refusal with a stable key; `detail` goes to the log only. */
export class HubFailure extends Error {
  override readonly name = 'HubFailure';
  constructor(
    readonly key: HubErrorKey,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
  get errorCode(): string {
    return HUB_ERRORS[this.key];
  }
}

/** Payload fields each operation always carries, with their empty values. */
const EMPTY_PAYLOAD: Record<Operation, Record<string, unknown>> = {
  sendEdoc: { DocId: '' },
  getReceivedEdocList: { data: [] },
  getEdoc: { data: '' },
  downloadEdoc: { data: '' },
  updateStatus: {},
  getSentEdocList: { data: [] },
  countReceiveEdoc: { count: 0 },
  countReceiveStatus: { count: 0 },
  getAgenciesList: { data: [] },
};

export function okAnswer(
  operation: Operation,
  payload: Record<string, unknown>,
  description = 'Success',
): Record<string, unknown> {
  return {
    status: 'OK',
    ErrorCode: '0',
    ErrorDesc: description,
    ...EMPTY_PAYLOAD[operation],
    ...payload,
  };
}

export function failAnswer(
  operation: Operation | null,
  failure: HubFailure,
): Record<string, unknown> {
  return {
    status: 'FAIL',
    ErrorCode: failure.errorCode,
    ErrorDesc: failure.message,
    ErrorKey: failure.key,
    ...(operation ? EMPTY_PAYLOAD[operation] : { DocId: '', data: [], count: 0 }),
  };
}

/**
 * JSON with every non-ASCII character escaped (`\uXXXX`). The SDK reads the sendEdoc answer as
 * US-ASCII (MultipartUtility), so Vietnamese text must not travel as raw UTF-8.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
