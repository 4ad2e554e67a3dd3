/**
 * Short-lived, in-process caches of the public job list (issue 16): serialised pages keyed by the
 * normalised query, and totals keyed by the filter. Every write to job_postings goes through the
 * jobs repositories, which call `jobsChanged()`; that drops both caches, so a publish, edit, close,
 * fill or expiry shows at once in this process. Other API processes (ROLE=api × N) see it within
 * the TTL. A write inside a transaction drops the caches before its commit: a list read between
 * the drop and the commit may be served stale for at most one TTL.
 */
type Entry<V> = { value: V; expires: number };

const MAX_ENTRIES = 1000;

export class TtlCache<V> {
  private entries = new Map<string, Entry<V>>();
  constructor(private readonly ttlMs: () => number) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    const ttl = this.ttlMs();
    if (ttl <= 0) return;
    // Oldest first (insertion order): drop the oldest when full.
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: now + ttl });
  }

  clear(): void {
    this.entries.clear();
  }
}

let listTtlMs = 5000;
/**
 * Totals of a filter stand in for a maintained counter: kept a minute (dropped on any job write),
 * so a page-cache miss on page 2, a cursor page or another sort does not count the matches again.
 */
const TOTAL_TTL_MS = 60_000;

/** Serialised public list pages (JSON text), by normalised query. */
export const listPageCache = new TtlCache<string>(() => listTtlMs);
/** Exact totals of a filter, by normalised filter. */
export const listTotalCache = new TtlCache<number>(() => TOTAL_TTL_MS);

/** Set the page TTL (config LIST_CACHE_TTL_MS; 0 turns the page cache off, not the totals). */
export function setListCacheTtl(ms: number): void {
  listTtlMs = ms;
  jobsChanged();
}

/** A job was inserted or changed: drop every cached list page and total. */
export function jobsChanged(): void {
  listPageCache.clear();
  listTotalCache.clear();
}

/** A stable key of a query object: keys sorted, undefined values left out. */
export function queryKey(q: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(q)
      .filter((k) => q[k] !== undefined)
      .sort()
      .map((k) => [k, q[k]]),
  );
}
