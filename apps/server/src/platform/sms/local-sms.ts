import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { SMS_TEMPLATES_TEXT, type SmsMessage, type SmsProvider } from './sms-provider.js';

export type SentSms = SmsMessage & { text: string; sentAt: Date; providerMessageId: string };

/**
 * Offline SMS provider: logs each message (phone masked) and keeps the recent ones in memory so
 * that tests and the demo can read the latest code. Outside production only.
 */
export class LocalSmsProvider implements SmsProvider {
  readonly name = 'local';
  private readonly sent: SentSms[] = [];

  constructor(private readonly log?: Pick<FastifyBaseLogger, 'info'>) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = randomUUID();
    const text = SMS_TEMPLATES_TEXT[message.template](message.params);
    this.sent.push({ ...message, text, sentAt: new Date(), providerMessageId });
    if (this.sent.length > 1000) this.sent.splice(0, this.sent.length - 1000);
    this.log?.info({ sms: { to: `${message.phone.slice(0, 3)}****${message.phone.slice(7)}`, text } }, 'local sms');
    return { providerMessageId };
  }

  /** The newest message to a phone, optionally of one template. */
  latest(phone: string, template?: SmsMessage['template']): SentSms | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i];
      if (m && m.phone === phone && (!template || m.template === template)) return m;
    }
    return undefined;
  }
}
