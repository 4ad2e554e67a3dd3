// Paging: every console list answers { items, total, page, pageSize } (ARCHITECTURE rule 4).

/** A page request as the list queries in packages/contracts carry it (page counts from 1). */
export type PageQuery = { page: number; pageSize: number };
/** The rows a repository reads for one page. */
export type Slice = { limit: number; offset: number };
/** One page of a list, as sent to the client. */
export type Page<R> = { items: R[]; total: number; page: number; pageSize: number };
/** What a repository returns for a slice: its rows and the total behind them. */
export type Fetched<R> = { items: R[]; total: number };

/** The slice of rows a page covers. */
export function sliceOf(q: PageQuery): Slice {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** An empty page (nothing in scope). */
export function emptyPage<R>(q: PageQuery): Page<R> {
  return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
}

/** One page: the fetcher reads the slice, the page numbers come from the query. */
export async function paged<R>(q: PageQuery, fetch: (slice: Slice) => Promise<Fetched<R>>): Promise<Page<R>> {
  const { items, total } = await fetch(sliceOf(q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
