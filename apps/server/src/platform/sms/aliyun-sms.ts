import { createHmac, randomUUID } from 'node:crypto';
import type { SmsMessage, SmsProvider } from './sms-provider.js';

/** RFC 3986 percent-encoding as Alibaba Cloud's RPC signature requires (space %20, * %2A, ~ kept). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/\+/g, '%20')
    .replace(/\*/g, '%2A')
    .replace(/%7E/g, '~')
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Signature v1 of Alibaba Cloud RPC APIs (SendSms, 2017-05-25): HMAC-SHA1 over
 * "METHOD&%2F&" + encode(sorted, encoded query), keyed with secret + "&".
 */
export function signRpcRequest(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

export type AliyunSmsOptions = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: Record<SmsMessage['template'], string>;
  endpoint?: string;
  fetchImpl?: typeof fetch;
};

/** The parsed SendSms reply; Code 'OK' means accepted. */
export function parseSendSmsResponse(
  body: unknown,
): { ok: true; bizId: string } | { ok: false; code: string; message: string } {
  if (typeof body !== 'object' || body === null)
    return { ok: false, code: 'BadResponse', message: 'not a JSON object' };
  const rec = body as Record<string, unknown>;
  if (rec.Code === 'OK' && typeof rec.BizId === 'string') return { ok: true, bizId: rec.BizId };
  return { ok: false, code: String(rec.Code ?? 'Unknown'), message: String(rec.Message ?? '') };
}

/** Alibaba Cloud SMS (dysmsapi) provider, selected by SMS_PROVIDER=aliyun. */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';
  constructor(private readonly options: AliyunSmsOptions) {}

  /** The signed query for one message (exposed for tests). */
  buildQuery(message: SmsMessage, now: Date, nonce: string): Record<string, string> {
    const params: Record<string, string> = {
      AccessKeyId: this.options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: message.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.options.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      TemplateCode: this.options.templates[message.template],
      // Code templates are registered with the gateway: it takes the code only, never our wording.
      TemplateParam: JSON.stringify(
        message.template === 'notice' ? message.params : { code: message.params.code ?? '' },
      ),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    return { ...params, Signature: signRpcRequest('GET', params, this.options.accessKeySecret) };
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const query = this.buildQuery(message, new Date(), randomUUID());
    const qs = Object.entries(query)
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&');
    const doFetch = this.options.fetchImpl ?? fetch;
    const res = await doFetch(`${this.options.endpoint ?? 'https://dysmsapi.aliyuncs.com'}/?${qs}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const parsed = parseSendSmsResponse(await res.json());
    if (!parsed.ok) throw new Error(`aliyun sms rejected: ${parsed.code} ${parsed.message}`);
    return { providerMessageId: parsed.bizId };
  }
}
