import type { DbOrTx } from '../../db/client.js';
import type { Membership } from '../employers/index.js';

// A user's employer memberships, and accepting pending invitations at login, belong to employers. The
// employers module plugs them in here (from its index.ts), so accounts does not import employers.

export type EmployerLinks = {
  findMembershipsByUser: (db: DbOrTx, userId: string) => Promise<Membership[]>;
  acceptInvitationsOnLogin: (tx: DbOrTx, input: { userId: string; phoneHash: string; now: Date }) => Promise<number>;
};

let links: EmployerLinks | undefined;

/** Called once by the employers module. */
export function provideEmployerLinks(l: EmployerLinks): void {
  links = l;
}

export function employerLinks(): EmployerLinks {
  if (!links) throw new Error('employer links: the employers module is not loaded');
  return links;
}
