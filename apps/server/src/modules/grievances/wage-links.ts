import type { mediateStatement, wageCaseOf } from '../wages/index.js';

// Wage grievances read the hire's statements and correct one when closed. Wages builds on
// grievances (the overdue sweep files them), so wages plugs these in here from its index.ts.

export type WageLinks = { wageCaseOf: typeof wageCaseOf; mediateStatement: typeof mediateStatement };

let links: WageLinks | undefined;

/** Called once by the wages module. */
export function provideWageLinks(l: WageLinks): void {
  links = l;
}

export function wageLinks(): WageLinks {
  if (!links) throw new Error('wage links: the wages module is not loaded');
  return links;
}
