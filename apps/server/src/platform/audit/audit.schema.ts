import { bigserial, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { AUDIT_ACTOR_KINDS } from '@lingong/contracts';

/** Append-only audit log: staff writes, full views of personal data, logins. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorKind: text('actor_kind', { enum: AUDIT_ACTOR_KINDS }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    regionCode: varchar('region_code', { length: 12 }),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** SM3 hash chain: `hash` = SM3(prevHash + canonical entry); see platform/audit/audit-chain.ts. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_actor_idx').on(t.actorKind, t.actorId),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
  ],
);
