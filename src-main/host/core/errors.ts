import type { ApiError, ErrorCode, FieldIssue } from '../../../shared/api/errors';

/** An error meant for the user: its message is a plain Chinese sentence. */
export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export const notFound = (what: string) => new HostError('not_found', `找不到该${what}，可能已被删除。`);
export const conflict = (message: string) => new HostError('conflict', message);
export const forbidden = (message: string) => new HostError('forbidden', message);
