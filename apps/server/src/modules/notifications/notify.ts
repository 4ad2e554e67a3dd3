import type { DbOrTx } from '../../db/client.js';
import { enqueue } from '../../platform/queue/index.js';
import { findUserById } from '../accounts/index.js';
import { getSetting } from '../settings/index.js';
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
  /** Also send an SMS notice (through the durable queue): the body, or the staff-editable template. */
  sms?: boolean;
  /** The 系统配置 SMS template (smsTemplates[code]) and its `${name}` values; the body when the template is missing. */
  smsTemplate?: { code: string; params: Record<string, string | number> };
  at?: Date;
};

/** Fill `${name}` placeholders; unknown names become empty. */
export function renderSmsTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\$\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ''));
}

async function smsText(tx: DbOrTx, input: NotifyInput): Promise<string> {
  if (!input.smsTemplate) return input.body;
  const template = (await getSetting(tx, 'smsTemplates'))[input.smsTemplate.code];
  return template ? renderSmsTemplate(template, input.smsTemplate.params) : input.body;
}

async function insertAndQueue(tx: DbOrTx, input: NotifyInput, dedupeKey: string | null): Promise<string | null> {
  const values = {
    userId: input.userId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    refType: input.refType ?? null,
    refId: input.refId ?? null,
    smsQueued: input.sms ? ('yes' as const) : ('no' as const),
    dedupeKey,
    ...(input.at ? { createdAt: input.at } : {}),
  };
  const insert = tx.insert(notifications).values(values);
  const [row] = await (dedupeKey ? insert.onConflictDoNothing({ target: notifications.dedupeKey }) : insert).returning({
    id: notifications.id,
  });
  if (!row) return null;
  if (input.sms) {
    const user = await findUserById(tx, input.userId);
    if (user) {
      const text = await smsText(tx, input);
      await enqueue(tx, {
        kind: 'sms.send',
        payload: { phoneEnc: user.phoneEnc, template: 'notice', params: { text: `【鹿寨零工】${text}` } },
        dedupeKey: `notify:${row.id}`,
      });
    }
  }
  return row.id;
}

/**
 * Put a message in the user's message centre and, for key events, queue an SMS in the same
 * transaction: the message and its SMS commit together or not at all, and survive restarts.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<string> {
  const id = await insertAndQueue(tx, input, null);
  if (!id) throw new Error('notification insert returned no row');
  return id;
}

/** notify() at most once per key (a repeated key is a no-op and returns null). */
export async function notifyOnce(tx: DbOrTx, input: NotifyInput & { dedupeKey: string }): Promise<string | null> {
  return insertAndQueue(tx, input, input.dedupeKey);
}
