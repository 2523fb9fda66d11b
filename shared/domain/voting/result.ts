/** What a check of the voting input returns: the value, or why it was refused (in Chinese, for the user). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
