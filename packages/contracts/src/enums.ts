// Stored enum values that no single domain contract owns (tables in apps/server take their
// `enum:` lists from here or from the domain contract files; lint forbids a second list).

export const GENDERS = ['male', 'female'] as const;
/** Who an account, file or event belongs to. */
export const SUBJECT_KINDS = ['user', 'staff'] as const;
/** Who wrote an audit record. */
export const AUDIT_ACTOR_KINDS = ['user', 'staff', 'system', 'anonymous'] as const;
export const EMPLOYER_MEMBER_ROLES = ['owner', 'member'] as const;
export const EMPLOYER_INVITE_STATUSES = ['pending', 'accepted', 'revoked'] as const;
/** Whether a notification also queued a text message. */
export const NOTIFICATION_SMS_FLAGS = ['yes', 'no'] as const;
export const DIVISION_CHANGE_ACTIONS = ['create', 'update', 'move', 'disable', 'enable', 'import'] as const;
export const REVIEW_DECISIONS = ['verified', 'rejected'] as const;
export const CERTIFICATE_REVIEW_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const CONSENT_KINDS = ['privacy_policy', 'id_data'] as const;
/** How a consent given at the counter was recorded. */
export const CONSENT_METHODS = ['signature', 'paper'] as const;
export const SMS_CODE_PURPOSES = ['login', 'sign'] as const;
export const BACKGROUND_JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
