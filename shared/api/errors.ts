/**
 * The one list of error codes a call can answer with. Every call answers with a value or an error
 * the user can read; nothing is thrown across the boundary.
 */
export const errorCodes = [
  /** The input failed its schema or a rule; `issues` names the fields. */
  'invalid_input',
  'not_found',
  /** The stored state forbids the change (a locked result, a vote in progress). */
  'conflict',
  /** The channel is not in the contract. */
  'unknown_call',
  /** Something failed on the host; nothing was changed. */
  'internal',
  /** The caller may not make this call. */
  'forbidden',
  /** The caller has no session (no join code, no chair's login). */
  'unauthenticated',
  /** Too many calls from one caller in a short time. */
  'rate_limited',
  /** The request was too large, malformed, or used the wrong method. */
  'bad_request',
  'method_not_allowed',
  'payload_too_large',
  /** The host's database is damaged and it runs in recovery mode. */
  'damaged',
  /** The browser could not reach the host (set by the client, never by the host). */
  'offline',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Plain Chinese sentence for the user. */
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
