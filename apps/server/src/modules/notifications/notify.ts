import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { enqueue } from '../../platform/queue/index.js';
import { users } from '../accounts/accounts.schema.js';
import { notifications, type NOTIFICATION_KINDS } from './notifications.schema.js';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotifyInput = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string;
  refType?: string;
  refId?: string;
  /** Also send the body as an SMS notice (through the durable queue). */
  sms?: boolean;
  at?: Date;
};

/**
 * Put a message in the user's message centre and, for key events, queue an SMS in the same
 * transaction: the message and its SMS commit together or not at all, and survive restarts.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
      smsQueued: input.sms ? 'yes' : 'no',
      ...(input.at ? { createdAt: input.at } : {}),
    })
    .returning({ id: notifications.id });
  if (input.sms) {
    const [user] = await tx.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, input.userId));
    if (user) {
      await enqueue(tx, { kind: 'sms.send', payload: { phoneEnc: user.phoneEnc, template: 'notice', params: { text: `【鹿寨零工】${input.body}` } }, dedupeKey: `notify:${row!.id}` });
    }
  }
  return row!.id;
}
