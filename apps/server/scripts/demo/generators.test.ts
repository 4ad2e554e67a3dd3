import { describe, expect, it } from 'vitest';
import {
  createRng,
  fakeEmployerName,
  fakeJobTitle,
  fakeMobile,
  fakePersonName,
  fakeVillageAddress,
  fakeWage,
  jitterPoint,
  pickWeighted,
  SURNAME_WEIGHTS,
  type FakeWage,
} from './generators.js';
import { SEED_OCCUPATIONS } from '../../src/modules/reference/data/occupations.js';
import { LUZHAI_TOWNS, TOWN_CENTRES } from '../../src/modules/reference/data/regions.js';

const TRADES = SEED_OCCUPATIONS.filter((o) => o.parentKey !== null).map((o) => o.name);
const TOWNS = LUZHAI_TOWNS.map((t) => t.name);

function distanceKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = (deg: number): number => (deg * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int covers both ends, pick covers every item, chance honours 0 and 1', () => {
    const rng = createRng(7);
    const ints = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    const picks = new Set(Array.from({ length: 300 }, () => rng.pick(['a', 'b', 'c'])));
    expect(picks.size).toBe(3);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => rng.chance(1)).every(Boolean)).toBe(true);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('pickWeighted follows the weights roughly', () => {
    const rng = createRng(1);
    let heavy = 0;
    for (let i = 0; i < 2000; i += 1)
      if (
        pickWeighted(rng, [
          ['x', 9],
          ['y', 1],
        ]) === 'x'
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(1650);
    expect(heavy).toBeLessThan(1950);
  });
});

describe('people', () => {
  it('names are 2-3 Chinese characters starting with a known surname, favouring local ones', () => {
    const rng = createRng(2025);
    const surnames = new Set(SURNAME_WEIGHTS.map(([s]) => s));
    const names = Array.from({ length: 1000 }, () => fakePersonName(rng));
    for (const name of names) {
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(surnames.has(name.slice(0, 1))).toBe(true);
    }
    const local = names.filter((n) => /^[韦黄覃梁莫蓝]/.test(n)).length;
    expect(local).toBeGreaterThan(300);
    expect(new Set(names).size).toBeGreaterThan(500);
  });

  it('phones are valid 11-digit mainland mobiles', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i += 1) expect(fakeMobile(rng)).toMatch(/^1[3589]\d{9}$/);
  });
});

describe('employers, titles and addresses', () => {
  it('employer names mention the town and mix companies, shops and cooperatives', () => {
    const rng = createRng(4);
    const names = Array.from({ length: 400 }, () => fakeEmployerName(rng, '中渡镇'));
    for (const name of names) expect(name).toContain('中渡镇');
    expect(names.some((n) => /^鹿寨县中渡镇.+有限(责任)?公司$/.test(n))).toBe(true);
    expect(names.some((n) => /^鹿寨县中渡镇.+专业合作社$/.test(n))).toBe(true);
    expect(names.some((n) => /^中渡镇.+(店|馆|场|队|部|超市)$/.test(n))).toBe(true);
  });

  it('employer names follow the requested kind', () => {
    const rng = createRng(12);
    for (let i = 0; i < 50; i += 1) {
      expect(fakeEmployerName(rng, '寨沙镇', 'enterprise')).toMatch(/^鹿寨县寨沙镇.+有限(责任)?公司$/);
      expect(fakeEmployerName(rng, '寨沙镇', 'individual_business')).toMatch(/^寨沙镇.+(店|馆|场|队|部|超市)$/);
      expect(fakeEmployerName(rng, '寨沙镇', 'cooperative')).toMatch(/^鹿寨县寨沙镇.+专业合作社$/);
    }
  });

  it('job titles contain the trade name', () => {
    const rng = createRng(5);
    for (const trade of TRADES) expect(fakeJobTitle(rng, trade)).toContain(trade);
    const monthly = Array.from({ length: 100 }, () => fakeJobTitle(rng, '月嫂'));
    expect(monthly.some((t) => t.includes('日结'))).toBe(false);
  });

  it('village addresses are in the county and the town', () => {
    const rng = createRng(6);
    for (const town of TOWNS)
      expect(fakeVillageAddress(rng, town)).toMatch(
        new RegExp(`^鹿寨县${town}[\\u4e00-\\u9fff]{2}村[\\u4e00-\\u9fff]{2}屯\\d{1,2}号$`),
      );
  });
});

describe('fakeWage', () => {
  const inBounds = (wage: FakeWage): boolean => {
    const yuan = { min: wage.minFen / 100, max: wage.maxFen / 100 };
    switch (wage.unit) {
      case 'hour':
        return yuan.min >= 18 && yuan.max <= 60;
      case 'day':
        return yuan.min >= 150 && yuan.max <= 300;
      case 'month':
        return yuan.min >= 3000 && yuan.max <= 8000;
      case 'piece':
        return yuan.min > 0 && yuan.max <= 250 && wage.pieceLabel !== undefined;
    }
  };

  it('gives integer fen with min <= max inside plausible bands for every trade', () => {
    const rng = createRng(8);
    for (const trade of TRADES) {
      for (let i = 0; i < 20; i += 1) {
        const wage = fakeWage(rng, trade);
        expect(Number.isInteger(wage.minFen) && Number.isInteger(wage.maxFen)).toBe(true);
        expect(wage.minFen).toBeGreaterThan(0);
        expect(wage.minFen).toBeLessThanOrEqual(wage.maxFen);
        expect(inBounds(wage), `${trade}: ${JSON.stringify(wage)}`).toBe(true);
        if (wage.unit !== 'piece') expect(wage.pieceLabel).toBeUndefined();
      }
    }
  });

  it('pays by trade: skilled day work, monthly care, piece-rate harvests', () => {
    const rng = createRng(9);
    const units = (trade: string): Set<string> => new Set(Array.from({ length: 60 }, () => fakeWage(rng, trade).unit));
    expect(units('泥水工')).toEqual(new Set(['day']));
    expect(units('月嫂')).toEqual(new Set(['month']));
    expect(units('砍蔗工')).toEqual(new Set(['piece', 'day']));
    expect(units('家庭保洁').has('hour')).toBe(true);
    const cane = Array.from({ length: 60 }, () => fakeWage(rng, '砍蔗工')).find((w) => w.unit === 'piece');
    expect(cane?.pieceLabel).toBe('吨');
  });

  it('is deterministic', () => {
    const a = createRng(10);
    const b = createRng(10);
    expect(TRADES.map((t) => fakeWage(a, t))).toEqual(TRADES.map((t) => fakeWage(b, t)));
  });
});

describe('jitterPoint', () => {
  it('stays within the radius and spreads out', () => {
    const rng = createRng(11);
    const centre = TOWN_CENTRES['450223101000'];
    if (!centre) throw new Error('missing centre');
    const points = Array.from({ length: 500 }, () => jitterPoint(rng, centre, 3));
    for (const p of points) expect(distanceKm(centre, p)).toBeLessThanOrEqual(3.001);
    expect(points.some((p) => distanceKm(centre, p) > 2)).toBe(true);
    expect(jitterPoint(rng, centre, 0)).toEqual(centre);
  });
});

describe('whole-pipeline determinism', () => {
  it('same seed, same demo rows', () => {
    const build = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 30 }, () => {
        const town = rng.pick(TOWNS);
        const trade = rng.pick(TRADES);
        return [
          fakePersonName(rng),
          fakeMobile(rng),
          fakeEmployerName(rng, town),
          fakeJobTitle(rng, trade),
          fakeWage(rng, trade),
          fakeVillageAddress(rng, town),
        ];
      });
    };
    expect(build(99)).toEqual(build(99));
    expect(build(99)).not.toEqual(build(100));
  });
});
