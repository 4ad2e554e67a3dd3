import { describe, expect, it } from 'vitest';
import {
  deriveParentCode,
  isTwelveDigits,
  isWithinRegion,
  levelOfCode,
  regionPrefix,
  significantPrefix,
} from '../../platform/rbac/region-codes.js';
import { SEED_REGIONS, TOWN_CENTRES, LUZHAI_TOWNS } from './data/regions.js';

describe('levelOfCode', () => {
  it.each([
    ['450000000000', 'province'],
    ['450200000000', 'city'],
    ['450223000000', 'county'],
    ['450223101000', 'town'],
    ['450223200000', 'town'],
    ['450223101201', 'village'],
    ['110101001001', 'village'],
  ])('%s is a %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });

  it.each([
    ['', 'empty'],
    ['45022310100', '11 digits'],
    ['4502231010000', '13 digits'],
    ['45022310100a', 'a letter'],
    ['４５０２２３１０１０００', 'full-width digits'],
    ['000000000000', 'all zero'],
    ['450223000001', 'village without town'],
    ['450200101000', 'town without county'],
    ['450023000000', 'county without city'],
    ['004500000000', 'no province'],
  ])('rejects %s (%s)', (code) => {
    expect(levelOfCode(code)).toBeNull();
  });
});

describe('deriveParentCode', () => {
  it('goes one level up', () => {
    expect(deriveParentCode('450223101201')).toBe('450223101000');
    expect(deriveParentCode('450223101000')).toBe('450223000000');
    expect(deriveParentCode('450223000000')).toBe('450200000000');
    expect(deriveParentCode('450200000000')).toBe('450000000000');
  });

  it('is null for a province and for invalid codes', () => {
    expect(deriveParentCode('450000000000')).toBeNull();
    expect(deriveParentCode('450223000001')).toBeNull();
    expect(deriveParentCode('abc')).toBeNull();
  });

  it('agrees with the seeded regions', () => {
    for (const region of SEED_REGIONS) {
      expect(deriveParentCode(region.code)).toBe(region.parentCode);
      expect(levelOfCode(region.code)).toBe(region.level);
    }
  });
});

describe('isWithinRegion', () => {
  it('matches by the significant prefix of the scope level', () => {
    expect(isWithinRegion('450223000000', '450223101201')).toBe(true);
    expect(isWithinRegion('450223000000', '450223000000')).toBe(true);
    expect(isWithinRegion('450223101000', '450223101201')).toBe(true);
    expect(isWithinRegion('450223101000', '450223102201')).toBe(false);
    expect(isWithinRegion('450000000000', '450223101201')).toBe(true);
    expect(isWithinRegion('450200000000', '450300000000')).toBe(false);
    expect(isWithinRegion('450223101201', '450223101201')).toBe(true);
    expect(isWithinRegion('450223101201', '450223101202')).toBe(false);
  });

  it('does not treat a wider region as inside a narrower one', () => {
    expect(isWithinRegion('450223101000', '450223000000')).toBe(false);
    expect(isWithinRegion('450223000000', '450200000000')).toBe(false);
  });

  it('is false for invalid codes', () => {
    expect(isWithinRegion('450223', '450223101201')).toBe(false);
    expect(isWithinRegion('450223000000', '450223000001')).toBe(false);
    expect(isWithinRegion('450223000000', '')).toBe(false);
  });
});

describe('helpers', () => {
  it('isTwelveDigits and significantPrefix', () => {
    expect(isTwelveDigits('450223101000')).toBe(true);
    expect(isTwelveDigits(' 450223101000')).toBe(false);
    expect(significantPrefix('450223101000')).toBe('450223101');
    expect(significantPrefix('450200000000')).toBe('4502');
    expect(significantPrefix('bad')).toBeNull();
  });

  it('regionPrefix returns the LIKE prefix and refuses malformed codes', () => {
    expect(regionPrefix('450223000000')).toBe('450223');
    expect(regionPrefix('450223101201')).toBe('450223101201');
    expect(() => regionPrefix('%')).toThrow(RangeError);
    expect(() => regionPrefix('450223000001')).toThrow(RangeError);
  });
});

describe('seed regions', () => {
  it('has the province, city, county and nine towns with unique codes', () => {
    expect(SEED_REGIONS).toHaveLength(12);
    expect(new Set(SEED_REGIONS.map((r) => r.code)).size).toBe(12);
    expect(SEED_REGIONS.filter((r) => r.level === 'town')).toHaveLength(9);
  });

  it('has a centre inside the county extent for every town', () => {
    expect(Object.keys(TOWN_CENTRES).sort()).toEqual(LUZHAI_TOWNS.map((t) => t.code).sort());
    for (const centre of Object.values(TOWN_CENTRES)) {
      expect(centre.lat).toBeGreaterThan(24.23);
      expect(centre.lat).toBeLessThan(24.84);
      expect(centre.lng).toBeGreaterThan(109.46);
      expect(centre.lng).toBeLessThan(110.21);
    }
  });
});
