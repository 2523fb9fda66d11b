/** Every call answers with a value or an error the user can read; nothing is thrown across the boundary. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  /** Stable machine code, e.g. `invalid_input`, `not_found`, `conflict`. */
  code: string;
  /** Plain Chinese sentence for the user. */
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
