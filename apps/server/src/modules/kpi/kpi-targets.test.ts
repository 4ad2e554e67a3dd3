import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS, targetFor } from './kpi-targets.js';
import { resolvePeriod } from '../../platform/reporting/index.js';

const now = new Date('2025-08-01T00:00:00Z');
const def = (key: string) => {
  const found = KPI_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('targetFor', () => {
  it('prorates the annual default to halves, months and ranges, rounding up', () => {
    const reg = def('worker_registrations');
    expect(targetFor(reg, resolvePeriod({ year: 2025 }, now), {})).toBe(3600);
    expect(targetFor(reg, resolvePeriod({ year: 2025, half: 2 }, now), {})).toBe(1800);
    expect(targetFor(reg, resolvePeriod({ year: 2025, month: 7 }, now), {})).toBe(300);
    expect(targetFor(def('employer_registrations'), resolvePeriod({ year: 2025, month: 7 }, now), {})).toBe(9);
    expect(targetFor(reg, resolvePeriod({ from: '2025-01-01', to: '2025-01-10' }, now), {})).toBe(99);
  });
  it('takes an exact period from the settings first, then the settings year, then the default', () => {
    const reg = def('worker_registrations');
    expect(
      targetFor(reg, resolvePeriod({ year: 2025, half: 2 }, now), {
        worker_registrations: { '2025-H2': 2000, '2025': 5000 },
      }),
    ).toBe(2000);
    expect(
      targetFor(reg, resolvePeriod({ year: 2025, half: 1 }, now), {
        worker_registrations: { '2025-H2': 2000, '2025': 5000 },
      }),
    ).toBe(2500);
    expect(targetFor(reg, resolvePeriod({ year: 2026 }, now), { worker_registrations: { '2025': 5000 } })).toBe(3600);
  });
  it('keeps coverage targets whole and period-only targets to their period', () => {
    expect(targetFor(def('info_collection_villages'), resolvePeriod({ year: 2025, month: 3 }, now), {})).toBe(113);
    expect(targetFor(def('recruitment_events'), resolvePeriod({ year: 2025, half: 2 }, now), {})).toBe(5);
    expect(targetFor(def('recruitment_events'), resolvePeriod({ year: 2026 }, now), {})).toBeNull();
    expect(targetFor(def('guidance_sessions'), resolvePeriod({ year: 2025 }, now), {})).toBeNull();
  });
});
