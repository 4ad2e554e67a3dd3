import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../src/db/schema.js';
import { SETTING_DEFAULTS } from '../src/modules/settings/settings.defaults.js';
import { createTestApp, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const ask = (phone: string) => ctx.anon.post('/api/v1/public/auth/sms-code', { phone });

describe('login code SMS wording from 系统配置', () => {
  it('uses the login template with the code filled in, and a staff edit applies to the next code', async () => {
    expect((await ask('13912340001')).statusCode).toBe(200);
    const first = ctx.sms.latest('13912340001')!;
    expect(first.text).toBe(`您的验证码为${first.params.code}，5分钟内有效，请勿告诉他人。`);

    await ctx.deps.database.db.insert(settings).values({
      key: 'smsTemplates',
      value: { ...SETTING_DEFAULTS.smsTemplates, login: '【鹿寨零工】登录码${code}，勿转告他人' },
    });
    expect((await ask('13912340002')).statusCode).toBe(200);
    const second = ctx.sms.latest('13912340002')!;
    expect(second.text).toBe(`【鹿寨零工】登录码${second.params.code}，勿转告他人`);
    expect(second.params.code).toMatch(/^\d{6}$/);
  });
});
