import type { ErrorBody } from '@lingong/contracts';

/** One field-level problem reported by the server (`details` of a validation error). */
export interface FieldIssue {
  field: string;
  message: string;
  /** Spreadsheet row of an import error. */
  row?: number;
  /** CONTENT_BLOCKED: the rule or word, its action and its span in the submitted text. */
  code?: string;
  action?: 'block' | 'review' | 'mask';
  excerpt?: string;
  start?: number;
  end?: number;
  basis?: string;
}

/** Thrown by every API call that does not succeed; `message` is Chinese and can be shown as is. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: FieldIssue[];

  constructor(options: { code: string; message: string; status: number; details?: FieldIssue[] }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.details = options.details ?? [];
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const UNKNOWN_MESSAGE = '服务器开小差了，请稍后再试';

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** `path` with the non-empty query values appended (the one query-string builder of the web apps). */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls the same-origin API. Resolves with the parsed JSON (undefined for 204) typed as `T`;
 * the server validates every response against the contracts, so the type is trusted here.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'lingong' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ code: 'NETWORK', message: NETWORK_MESSAGE, status: 0 });
  }
  const data = await readJson(res);
  if (!res.ok) {
    if (isErrorBody(data)) {
      const { code, message, details } = data.error;
      throw new ApiError({ code, message, details, status: res.status });
    }
    throw new ApiError({ code: 'HTTP_' + res.status, message: UNKNOWN_MESSAGE, status: res.status });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Chinese message for anything caught from an API call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return UNKNOWN_MESSAGE;
}

/** Per-field messages of a validation error, keyed by field name (first message wins). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) {
    const key = d.field.split('.').pop() ?? d.field;
    out[key] ??= d.message;
  }
  return out;
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}
