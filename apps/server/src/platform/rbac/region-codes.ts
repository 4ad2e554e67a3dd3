/**
 * Pure helpers for 12-digit statistical division codes (统计用区划代码):
 * province 2 + city 2 + county 2 + town 3 + village 3 digits.
 *
 * A code's level is read from its shape: the segments up to its level are non-zero and every
 * segment after it is zero (450223101000 is a town, 450223101201 a village, 450223000000 a county).
 */

/** Same union as `RegionLevel` in @lingong/contracts (kept local so this module has no dependencies). */
export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/** Levels from the top down. */
export const REGION_LEVEL_ORDER: readonly RegionLevel[] = ['province', 'city', 'county', 'town', 'village'];

/** Number of leading digits that identify a region of each level. */
export const SIGNIFICANT_DIGITS: Readonly<Record<RegionLevel, number>> = {
  province: 2,
  city: 4,
  county: 6,
  town: 9,
  village: 12,
};

/** Chinese label of each level, for messages and exports. */
export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  province: '省级',
  city: '市级',
  county: '县级',
  town: '乡级',
  village: '村级',
};

const CODE_PATTERN = /^\d{12}$/;
const SEGMENT_BOUNDS: readonly (readonly [number, number])[] = [
  [0, 2],
  [2, 4],
  [4, 6],
  [6, 9],
  [9, 12],
];

/** True when `code` is exactly 12 ASCII digits (says nothing about its shape). */
export function isTwelveDigits(code: string): boolean {
  return CODE_PATTERN.test(code);
}

function isZeroSegment(code: string, index: number): boolean {
  const bounds = SEGMENT_BOUNDS[index];
  if (!bounds) return true;
  return /^0+$/.test(code.slice(bounds[0], bounds[1]));
}

/**
 * Level of a division code from its shape, or null when the code is not 12 digits or has a
 * zero segment above a non-zero one (e.g. 450223000001: a village with no town).
 */
export function levelOfCode(code: string): RegionLevel | null {
  if (!isTwelveDigits(code)) return null;
  let depth = 0;
  while (depth < SEGMENT_BOUNDS.length && !isZeroSegment(code, depth)) depth += 1;
  if (depth === 0) return null;
  for (let i = depth; i < SEGMENT_BOUNDS.length; i += 1) {
    if (!isZeroSegment(code, i)) return null;
  }
  return REGION_LEVEL_ORDER[depth - 1] ?? null;
}

/**
 * The code of the region one level up, derived from the code itself
 * (village -> first 9 digits + '000', town -> first 6 + '000000', county -> first 4 + 8 zeros,
 * city -> first 2 + 10 zeros). Null for a province and for anything that is not a valid code.
 */
export function deriveParentCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === null || level === 'province') return null;
  const parentLevel = REGION_LEVEL_ORDER[REGION_LEVEL_ORDER.indexOf(level) - 1];
  if (!parentLevel) return null;
  return code.slice(0, SIGNIFICANT_DIGITS[parentLevel]).padEnd(12, '0');
}

/** The identifying prefix of a valid code (450223101000 -> '450223101'), or null. */
export function significantPrefix(code: string): string | null {
  const level = levelOfCode(code);
  return level === null ? null : code.slice(0, SIGNIFICANT_DIGITS[level]);
}

/**
 * The identifying prefix of a valid code, for `LIKE 'prefix%'` subtree queries
 * (450223000000 -> '450223'). Throws a RangeError for anything that is not a valid division code,
 * so a malformed value can never widen a query (validate input with RegionCode first).
 */
export function regionPrefix(code: string): string {
  const prefix = significantPrefix(code);
  if (prefix === null) throw new RangeError(`not a valid division code: ${JSON.stringify(code)}`);
  return prefix;
}

/**
 * True when `code` lies in the subtree rooted at `scopeCode` (the scope itself included),
 * comparing the significant prefix of the scope's level: a county scope 450223000000 contains
 * every code starting with 450223. False when either code is not a valid division code.
 */
export function isWithinRegion(scopeCode: string, code: string): boolean {
  const prefix = significantPrefix(scopeCode);
  if (prefix === null || levelOfCode(code) === null) return false;
  return code.startsWith(prefix);
}
