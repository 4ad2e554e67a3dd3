import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { SmsProvider } from '../sms/sms-provider.js';
import { smsCodes } from './auth.schema.js';
import { newSmsCode, sm3Hex } from './tokens.js';
import { startOfShanghaiDay as startOfDay } from '../../platform/reporting/shanghai-time.js';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_COOLDOWN_SECONDS = 60;
export const SMS_DAILY_LIMIT = 10;
export const SMS_MAX_ATTEMPTS = 5;

type Purpose = 'login' | 'sign';

/** Start of the current day in Asia/Shanghai (UTC+8, no DST), as a UTC instant. */
export function startOfShanghaiDay(now: Date): Date {
  return startOfDay(now);
}

function codeHash(phoneHash: string, code: string): string {
  return sm3Hex(`${phoneHash}:${code}`);
}

/**
 * Send a verification code. Limits: one per phone and purpose per 60 s (a signing code right
 * after login is fine), 10 per phone per day (Shanghai
 * time), `ipLimitPerHour` per client IP. A new code supersedes older unused ones.
 */
export async function sendSmsCode(opts: {
  db: Db;
  sms: SmsProvider;
  phone: string;
  phoneHash: string;
  purpose: Purpose;
  ip: string;
  ipLimitPerHour: number;
  now: Date;
  /** The wording (系统配置 smsTemplates) with `${code}`, for gateways that send free text. */
  textTemplate?: string;
}): Promise<{ cooldownSeconds: number; expiresInSeconds: number }> {
  const { db, phoneHash, now } = opts;
  const last = await db
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneHash, phoneHash), eq(smsCodes.purpose, opts.purpose)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const lastAt = last[0]?.createdAt;
  if (lastAt && now.getTime() - lastAt.getTime() < SMS_COOLDOWN_SECONDS * 1000) throw new AppError('SMS_COOLDOWN');

  const [today] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneHash, phoneHash), gt(smsCodes.createdAt, startOfShanghaiDay(now))));
  if ((today?.n ?? 0) >= SMS_DAILY_LIMIT) throw new AppError('SMS_DAILY_LIMIT');

  const [fromIp] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.ip, opts.ip), gt(smsCodes.createdAt, new Date(now.getTime() - 3600_000))));
  if ((fromIp?.n ?? 0) >= opts.ipLimitPerHour) throw new AppError('SMS_IP_LIMIT');

  const code = newSmsCode();
  await db.transaction(async (tx) => {
    await tx
      .update(smsCodes)
      .set({ consumedAt: now })
      .where(and(eq(smsCodes.phoneHash, phoneHash), eq(smsCodes.purpose, opts.purpose), isNull(smsCodes.consumedAt)));
    await tx.insert(smsCodes).values({
      phoneHash,
      purpose: opts.purpose,
      codeHash: codeHash(phoneHash, code),
      ip: opts.ip,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
    });
  });
  const text = opts.textTemplate?.replace(/\$\{code\}/g, code);
  await opts.sms.send({
    phone: opts.phone,
    template: opts.purpose === 'login' ? 'login_code' : 'sign_code',
    params: { code, ...(text ? { text } : {}) },
  });
  return { cooldownSeconds: SMS_COOLDOWN_SECONDS, expiresInSeconds: SMS_CODE_TTL_SECONDS };
}

/**
 * Check a code and consume it. A wrong code counts an attempt; the fifth wrong attempt kills the
 * code. Expired, used or killed codes answer SMS_CODE_EXPIRED.
 */
export async function consumeSmsCode(opts: {
  db: Db;
  phoneHash: string;
  purpose: Purpose;
  code: string;
  now: Date;
}): Promise<void> {
  const { db, phoneHash, now } = opts;
  const rows = await db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneHash, phoneHash), eq(smsCodes.purpose, opts.purpose), isNull(smsCodes.consumedAt)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const row = rows[0];
  if (!row || row.expiresAt <= now || row.attempts >= SMS_MAX_ATTEMPTS) throw new AppError('SMS_CODE_EXPIRED');
  if (row.codeHash !== codeHash(phoneHash, opts.code)) {
    const attempts = row.attempts + 1;
    await db
      .update(smsCodes)
      .set({ attempts, ...(attempts >= SMS_MAX_ATTEMPTS ? { consumedAt: now } : {}) })
      .where(eq(smsCodes.id, row.id));
    if (attempts >= SMS_MAX_ATTEMPTS)
      throw new AppError('SMS_CODE_EXPIRED', { message: '验证码错误次数过多，已失效，请重新获取' });
    throw new AppError('SMS_CODE_INVALID', { message: `验证码不正确，还可尝试${SMS_MAX_ATTEMPTS - attempts}次` });
  }
  const updated = await db
    .update(smsCodes)
    .set({ consumedAt: now })
    .where(and(eq(smsCodes.id, row.id), isNull(smsCodes.consumedAt)))
    .returning({ id: smsCodes.id });
  if (updated.length === 0) throw new AppError('SMS_CODE_EXPIRED');
}
