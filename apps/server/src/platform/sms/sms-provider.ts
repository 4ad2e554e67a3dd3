/** A text message to send: a template id and its parameters, as SMS gateways take them. */
export type SmsMessage = {
  phone: string;
  template: 'login_code' | 'sign_code' | 'notice';
  params: Record<string, string>;
};

/** The SMS gateway. `local` logs; `aliyun` calls the Alibaba Cloud SMS API. */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

export const SMS_TEMPLATES_TEXT: Record<SmsMessage['template'], (p: Record<string, string>) => string> = {
  login_code: (p) => p.text ?? `您的登录验证码为${p.code ?? ''}，5分钟内有效。如非本人操作请忽略。`,
  sign_code: (p) => p.text ?? `您正在签署工作协议，验证码${p.code ?? ''}，5分钟内有效。`,
  notice: (p) => p.text ?? '',
};
