import type { AttendanceSummary } from '@lingong/contracts';
import type { ApplicationRow } from '../applications/index.js';
import { minutesBetween } from './attendance-rules.js';
import type { AttendanceRow, CompletionRow } from './attendance.repository.js';

/** Per-day check-in/out with minutes worked, the total, and the completion when confirmed. */
export function presentSummary(
  app: ApplicationRow,
  records: AttendanceRow[],
  completion: CompletionRow | undefined,
  noShowAfter: Date | null,
): AttendanceSummary {
  const days = records.map((r) => ({
    day: r.day,
    checkInAt: r.checkInAt.toISOString(),
    checkInMethod: r.checkInMethod,
    checkInDistanceM: r.checkInDistanceM,
    checkOutAt: r.checkOutAt ? r.checkOutAt.toISOString() : null,
    checkOutMethod: r.checkOutMethod,
    minutes: r.checkOutAt ? minutesBetween(r.checkInAt, r.checkOutAt) : null,
  }));
  const totalMinutes = days.reduce((sum, d) => sum + (d.minutes ?? 0), 0);
  return {
    applicationId: app.id,
    status: app.status,
    days,
    totalMinutes,
    totalHours: Math.round((totalMinutes / 60) * 100) / 100,
    onDuty: records.some((r) => !r.checkOutAt),
    noShowAfter: noShowAfter ? noShowAfter.toISOString() : null,
    completion: completion
      ? {
          amountDueFen: completion.amountDueFen,
          amountDueYuan: completion.amountDueFen === null ? null : (completion.amountDueFen / 100).toFixed(2),
          confirmedAt: completion.confirmedAt.toISOString(),
        }
      : null,
  };
}
