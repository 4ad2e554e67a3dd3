import type { findApplication, sideOf } from '../applications/index.js';

// Agreements read the application they belong to (and the viewer's side of it). Applications builds
// on agreements (hiring generates one), so applications plugs these reads in here from its index.ts.

export type ApplicationLinks = { findApplication: typeof findApplication; sideOf: typeof sideOf };

let links: ApplicationLinks | undefined;

/** Called once by the applications module. */
export function provideApplicationLinks(l: ApplicationLinks): void {
  links = l;
}

export function applicationLinks(): ApplicationLinks {
  if (!links) throw new Error('application links: the applications module is not loaded');
  return links;
}
