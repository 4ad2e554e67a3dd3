// The member form shared by the household dialog and drawer.
export type MemberDraft = {
  name: string;
  idNumber: string;
  phone: string;
  relation: string;
  status: string;
  migrantDestination: string;
  migrantTrade: string;
  migrantContact: string;
  needs: string[];
  needNote: string;
};

export const blankMember = (): MemberDraft => ({
  name: '',
  idNumber: '',
  phone: '',
  relation: '',
  status: 'employed_local',
  migrantDestination: '',
  migrantTrade: '',
  migrantContact: '',
  needs: [],
  needNote: '',
});

/** The request body of a member: an empty phone is no phone. */
export const memberBody = (m: MemberDraft) => ({ ...m, phone: m.phone.trim() || null });
