/**
 * Split a text into plain and highlighted pieces for the automatic-check findings of one field.
 * A finding's span is used when it still points at its excerpt; otherwise the excerpt is looked
 * up (the text may have been edited or masked since); a finding that cannot be placed is only
 * listed, not highlighted. An age limit's reason in the same field is highlighted as 'reason'.
 */
export type Mark = 'block' | 'review' | 'mask' | 'reason';
export type Piece = { text: string; mark: Mark | null };
export type SpanFinding = {
  field: string;
  action?: 'block' | 'review' | 'mask';
  excerpt?: string;
  start?: number;
  end?: number;
  reason?: { field: string; start: number; end: number; excerpt: string };
};

function place(text: string, excerpt: string | undefined, start?: number, end?: number): [number, number] | null {
  if (!excerpt) return null;
  if (start !== undefined && end !== undefined) {
    const at = text.slice(start, end);
    // A contact detail is stored masked: same length, letters and digits as '*'.
    if (at === excerpt || at === excerpt.replace(/[\p{L}\p{N}]/gu, '*')) return [start, end];
  }
  const at = text.indexOf(excerpt);
  return at >= 0 ? [at, at + excerpt.length] : null;
}

export function highlightPieces(text: string, field: string, findings: readonly SpanFinding[]): Piece[] {
  const ranges: { from: number; to: number; mark: Mark }[] = [];
  for (const f of findings) {
    if (f.field === field) {
      const r = place(text, f.excerpt, f.start, f.end);
      if (r) ranges.push({ from: r[0], to: r[1], mark: f.action ?? 'block' });
    }
    if (f.reason?.field === field) {
      const r = place(text, f.reason.excerpt, f.reason.start, f.reason.end);
      if (r) ranges.push({ from: r[0], to: r[1], mark: 'reason' });
    }
  }
  ranges.sort((a, b) => a.from - b.from || b.to - a.to);
  const pieces: Piece[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.from < at) continue; // overlaps one already marked
    if (r.from > at) pieces.push({ text: text.slice(at, r.from), mark: null });
    pieces.push({ text: text.slice(r.from, r.to), mark: r.mark });
    at = r.to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: null });
  return pieces;
}
