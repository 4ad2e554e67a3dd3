/** Shared pieces of the console's typed API client (one file per domain in this folder). */
import type { QueryValue } from '@shared/api';

export { api, withQuery } from '@shared/api';
export type { Paged } from '@shared/types';

/** Console API root. */
export const ADMIN = '/api/v1/admin';

/** Filters and paging of a console list; empty values are dropped by `withQuery`. */
export type ListQuery = Record<string, QueryValue>;

/**
 * A body assembled from a form before the server validates it: the contract's field names, with
 * values as loose as the form holds them (the server's zod schema is the check).
 */
export type FormBody<T> = { [K in keyof T]?: unknown };
