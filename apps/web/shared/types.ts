/** Response shapes used by the web apps: type-only re-exports of `@lingong/contracts`. */
import type { z } from 'zod';
import type { DevLatestSms, SendSmsCodeResult } from '@lingong/contracts';

export type { PublicJobSummary as PublicJob, WorkerSummary as WorkerRow } from '@lingong/contracts';

export type JobKind = 'contract' | 'flexible';
export type WageUnit = 'hour' | 'day' | 'piece' | 'month';
export type SettlementCycle = 'daily' | 'weekly' | 'monthly' | 'on_completion';
export type Gender = 'male' | 'female';
export type RegistrationChannel = 'online' | 'counter' | 'station' | 'household' | 'event';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type SmsCodeSent = z.infer<typeof SendSmsCodeResult>;
export type DevSms = z.infer<typeof DevLatestSms>;

export interface Health {
  status: string;
  database: string;
  schemaVersion: string | null;
}
