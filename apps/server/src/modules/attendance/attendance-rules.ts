import { createHmac } from 'node:crypto';
import { shanghaiDay as dayOfInstant, workStartAt } from '../../platform/reporting/shanghai-time.js';

export const QR_WINDOW_SECONDS = 60;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function qrWindow(now: Date): number {
  return Math.floor(now.getTime() / 1000 / QR_WINDOW_SECONDS);
}

/** The rotating token: HMAC-SM3 over job id and time window, 16 hex characters. */
export function qrToken(secret: string, jobId: string, window: number): string {
  return createHmac('sm3', secret).update(`${jobId}:${window}`).digest('hex').slice(0, 16);
}

/** A token is good in its window and the one before (a code shown just before it rotates). */
export function qrTokenValid(secret: string, jobId: string, token: string, now: Date): boolean {
  const w = qrWindow(now);
  return token === qrToken(secret, jobId, w) || token === qrToken(secret, jobId, w - 1);
}

/** 'YYYY-MM-DD' in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return dayOfInstant(at);
}

/** The shift start: the start date at the first HH:MM of the work hours (else 08:00), Shanghai time. */
export function shiftStart(startDate: string, workHours: string): Date {
  return workStartAt(startDate, workHours);
}

export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}
