import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppLoginResult,
  AppUser,
  DevLatestSms,
  DevLatestSmsQuery,
  ErrorBody,
  PhoneLoginBody,
  SendSmsCodeBody,
  SendSmsCodeResult,
  StaffLoginBody,
  StaffLoginResult,
  StaffUser,
  StepUpResult,
  TotpCodeBody,
  TotpConfirmResult,
  TotpSetupResult,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  APP_COOKIE,
  STAFF_COOKIE,
  clearSessionCookie,
  metaOf,
  setSessionCookie,
  staffActorOf,
  userActorOf,
} from '../../platform/http/request-auth.js';
import { cookieSecureFor } from '../../platform/http/request-guards.js';
import { LocalSmsProvider } from '../../platform/sms/local-sms.js';
import * as service from './accounts.service.js';

/** Login, logout and "who am I" for the app and the console. */
export function registerAccountRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const accounts = {
    db: deps.database.db,
    pii: deps.pii,
    sms: deps.sms,
    sessionTtlHours: deps.config.sessionTtlHours,
    smsIpLimitPerHour: deps.config.sms.ipLimitPerHour,
    now: deps.now,
    mfa: deps.config.mfa,
    log: (msg: string, extra: Record<string, unknown>) => fastify.log.warn(extra, msg),
  };
  const limited = { rateLimit: { max: deps.config.authRateLimitPerMin, timeWindow: '1 minute' } };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody };

  app.post(
    '/api/v1/public/auth/sms-code',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '发送短信验证码',
        body: SendSmsCodeBody,
        response: { 200: SendSmsCodeResult, ...errors },
      },
    },
    async (request) => ({
      sent: true as const,
      ...(await service.requestLoginCode(accounts, request.body, metaOf(request))),
    }),
  );

  app.post(
    '/api/v1/public/auth/login/phone',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '手机号+验证码登录（零工、用工主体）',
        body: PhoneLoginBody,
        response: { 200: AppLoginResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.loginWithPhone(accounts, request.body, metaOf(request));
      setSessionCookie(
        reply,
        APP_COOKIE,
        result.token,
        new Date(result.expiresAt),
        cookieSecureFor(request, deps.config),
      );
      return result;
    },
  );

  app.post(
    '/api/v1/public/auth/login/staff',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '工作人员用户名+密码登录',
        body: StaffLoginBody,
        response: { 200: StaffLoginResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.loginStaff(accounts, request.body, metaOf(request));
      setSessionCookie(
        reply,
        STAFF_COOKIE,
        result.token,
        new Date(result.expiresAt),
        cookieSecureFor(request, deps.config),
      );
      return result;
    },
  );

  app.get(
    '/api/v1/app/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: AppUser, 401: ErrorBody } } },
    async (request) => service.loadAppUser(accounts, userActorOf(request).id),
  );
  app.post(
    '/api/v1/app/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } },
    async (request, reply) => {
      await service.logout(accounts, userActorOf(request).sessionId);
      clearSessionCookie(reply, APP_COOKIE);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/me',
    { schema: { tags: ['auth'], summary: '当前工作人员', response: { 200: StaffUser, 401: ErrorBody } } },
    async (request) => service.loadStaffUser(accounts, staffActorOf(request).id),
  );
  app.post(
    '/api/v1/admin/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: '开始绑定身份验证器（双因素认证）',
        response: { 200: TotpSetupResult, 401: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => service.beginTotpSetup(accounts, staffActorOf(request)),
  );
  app.post(
    '/api/v1/admin/auth/totp/confirm',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '输入动态码确认绑定，返回一次性恢复码',
        body: TotpCodeBody,
        response: { 200: TotpConfirmResult, ...errors, 409: ErrorBody },
      },
    },
    async (request) => service.confirmTotpSetup(accounts, staffActorOf(request), request.body.code, metaOf(request)),
  );
  app.post(
    '/api/v1/admin/auth/step-up',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '再次输入动态码（敏感操作前的二次确认）',
        body: TotpCodeBody,
        response: { 200: StepUpResult, ...errors },
      },
    },
    async (request) => service.stepUp(accounts, staffActorOf(request), request.body.code, metaOf(request)),
  );
  app.post(
    '/api/v1/admin/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } },
    async (request, reply) => {
      await service.logout(accounts, staffActorOf(request).sessionId);
      clearSessionCookie(reply, STAFF_COOKIE);
      return reply.status(204).send(null);
    },
  );

  // Outside production the local SMS provider lets tests and the demo read the latest code.
  const sms = deps.sms;
  if (deps.config.env !== 'production' && sms instanceof LocalSmsProvider) {
    app.get(
      '/api/v1/public/dev/sms/latest',
      {
        schema: {
          tags: ['dev'],
          summary: '（仅开发环境）读取最近一条验证码',
          querystring: DevLatestSmsQuery,
          response: { 200: DevLatestSms, 404: ErrorBody },
        },
      },
      async (request) => {
        const m = sms.latest(request.query.phone);
        const code = m?.params.code;
        if (!m || !code) throw new AppError('NOT_FOUND', { message: '该手机号没有验证码记录' });
        return { phone: m.phone, code, purpose: m.template, sentAt: m.sentAt.toISOString() };
      },
    );
  }
}
