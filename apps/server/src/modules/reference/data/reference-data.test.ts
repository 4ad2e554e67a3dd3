import { describe, expect, it } from 'vitest';
import { SEED_OCCUPATIONS } from './occupations.js';
import { SEED_STATIONS, STATION_SERVICES } from './stations.js';
import { LUZHAI_TOWNS, SEED_REGIONS, TOWN_CENTRES } from './regions.js';

const categories = SEED_OCCUPATIONS.filter((o) => o.parentKey === null);
const leaves = SEED_OCCUPATIONS.filter((o) => o.parentKey !== null);

describe('SEED_OCCUPATIONS', () => {
  it('has about 12 categories and at least 90 trades', () => {
    expect(categories).toHaveLength(12);
    expect(leaves.length).toBeGreaterThanOrEqual(90);
  });

  it('has unique ASCII keys and unique names', () => {
    expect(new Set(SEED_OCCUPATIONS.map((o) => o.key)).size).toBe(SEED_OCCUPATIONS.length);
    expect(new Set(SEED_OCCUPATIONS.map((o) => o.name)).size).toBe(SEED_OCCUPATIONS.length);
    for (const o of SEED_OCCUPATIONS) expect(o.key).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/);
  });

  it('links every trade to a category that comes before it, with the key prefix of its parent', () => {
    const seen = new Set<string>();
    for (const o of SEED_OCCUPATIONS) {
      if (o.parentKey !== null) {
        expect(seen.has(o.parentKey)).toBe(true);
        expect(o.key.startsWith(`${o.parentKey}.`)).toBe(true);
        expect(o.skillTags.length).toBeGreaterThan(0);
      } else {
        expect(o.nationalCode).toBeNull();
        seen.add(o.key);
      }
    }
  });

  it('uses the d-dd-dd-dd national code form, each code once', () => {
    const codes = leaves.flatMap((o) => (o.nationalCode === null ? [] : [o.nationalCode]));
    for (const code of codes) expect(code).toMatch(/^[1-8]-\d{2}-\d{2}-\d{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('includes the trades a county market needs', () => {
    const names = new Set(SEED_OCCUPATIONS.map((o) => o.name));
    for (const name of [
      '泥水工',
      '钢筋工',
      '木工',
      '电焊工',
      '水电工',
      '油漆工',
      '架子工',
      '小工/杂工',
      '保洁员',
      '家庭保洁',
      '保姆',
      '月嫂',
      '育婴员',
      '护工',
      '厨师',
      '帮厨',
      '服务员',
      '装卸工',
      '搬运工',
      '分拣员',
      '快递员',
      '货车司机',
      '叉车司机',
      '普工',
      '操作工',
      '质检员',
      '缝纫工',
      '电工',
      '空调安装工',
      '家电维修工',
      '摩托车维修工',
      '砍蔗工',
      '果园采摘工',
      '插秧工',
      '园林绿化工',
      '保安员',
      '收银员',
      '促销员',
      '沙糖桔采摘工',
      '桉树砍伐工',
      '松脂采割工',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });
});

describe('SEED_STATIONS', () => {
  const townCodes = new Set(LUZHAI_TOWNS.map((t) => t.code));

  it('has a station in every town and unique names', () => {
    expect(new Set(SEED_STATIONS.map((s) => s.townCode))).toEqual(townCodes);
    expect(new Set(SEED_STATIONS.map((s) => s.name)).size).toBe(SEED_STATIONS.length);
    expect(SEED_STATIONS.some((s) => s.name === '鹿寨县综合零工市场')).toBe(true);
  });

  it('sits within 5 km of its town centre and uses known services and fake phones', () => {
    for (const s of SEED_STATIONS) {
      const centre = TOWN_CENTRES[s.townCode];
      expect(centre).toBeDefined();
      if (!centre) continue;
      expect(Math.abs(s.lng - centre.lng)).toBeLessThan(0.05);
      expect(Math.abs(s.lat - centre.lat)).toBeLessThan(0.05);
      expect(s.contactPhone).toMatch(/^0772-68000\d{2}$/);
      expect(s.services.length).toBeGreaterThan(0);
      for (const service of s.services) expect(STATION_SERVICES).toContain(service);
      expect(new Set(s.services).size).toBe(s.services.length);
      expect(s.address.startsWith('鹿寨县')).toBe(true);
    }
  });

  it('refers only to seeded towns', () => {
    const seeded = new Set(SEED_REGIONS.map((r) => r.code));
    for (const s of SEED_STATIONS) expect(seeded.has(s.townCode)).toBe(true);
  });
});
