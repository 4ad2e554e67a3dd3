/** Outcome of a validator: the parsed value, or a Chinese reason to show the user. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };
