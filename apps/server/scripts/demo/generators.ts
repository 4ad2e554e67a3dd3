/**
 * Deterministic demo-data generators. Everything is driven by a seeded PRNG, so the same seed
 * always produces the same demo county. Names, phones, employers and addresses are invented;
 * any resemblance to real people or businesses is accidental.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p (p <= 0 never, p >= 1 always). */
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough for demo data; any finite number is a valid seed. */
export function createRng(seed: number): Rng {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (hi < lo) throw new RangeError(`empty integer range [${min}, ${max}]`);
    return lo + Math.floor(next() * (hi - lo + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('cannot pick from an empty array');
    const target = int(0, items.length - 1);
    for (const [index, item] of items.entries()) {
      if (index === target) return item;
    }
    throw new RangeError('cannot pick from an empty array');
  };
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}

/** One of `entries` with probability proportional to its weight (weights must be positive). */
export function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (!(total > 0)) throw new RangeError('weights must add up to more than 0');
  let remaining = rng.next() * total;
  for (const [value, weight] of entries) {
    remaining -= weight;
    if (remaining < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new RangeError('cannot pick from an empty list');
  return last[0];
}

// ---------------------------------------------------------------------------------------------
// People

/** Surnames weighted toward those common in 鹿寨 and central Guangxi (Zhuang and Yao areas). */
export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['韦', 10],
  ['黄', 10],
  ['覃', 7],
  ['梁', 6],
  ['李', 6],
  ['陈', 5],
  ['莫', 5],
  ['蓝', 4],
  ['罗', 4],
  ['廖', 3],
  ['潘', 3],
  ['蒙', 3],
  ['刘', 3],
  ['吴', 3],
  ['谭', 2],
  ['卢', 2],
  ['张', 2],
  ['王', 2],
  ['杨', 2],
  ['何', 2],
  ['周', 2],
  ['唐', 2],
  ['邓', 2],
  ['陆', 2],
  ['欧', 1],
  ['赵', 1],
  ['龙', 1],
  ['钟', 1],
  ['农', 1],
  ['甘', 1],
];

const MALE_CHARS: readonly string[] = [
  '伟',
  '强',
  '军',
  '华',
  '明',
  '志',
  '永',
  '建',
  '国',
  '文',
  '海',
  '德',
  '成',
  '光',
  '荣',
  '金',
  '林',
  '勇',
  '平',
  '福',
  '贵',
  '才',
  '宏',
  '俊',
  '杰',
  '斌',
  '辉',
  '波',
  '新',
  '忠',
  '庆',
  '生',
  '祥',
  '桂',
  '朝',
  '有',
];
const FEMALE_CHARS: readonly string[] = [
  '丽',
  '芳',
  '秀',
  '英',
  '梅',
  '玲',
  '燕',
  '萍',
  '兰',
  '红',
  '霞',
  '娟',
  '春',
  '桂',
  '凤',
  '珍',
  '艳',
  '琳',
  '婷',
  '慧',
  '敏',
  '莉',
  '月',
  '群',
  '美',
  '花',
  '菊',
  '莲',
  '雪',
  '金',
];

export type Gender = 'male' | 'female';

/** A plausible Chinese full name: weighted surname plus a one- or two-character given name. */
export function fakePersonName(rng: Rng, gender: Gender = rng.chance(0.5) ? 'male' : 'female'): string {
  const surname = pickWeighted(rng, SURNAME_WEIGHTS);
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const first = rng.pick(pool);
  if (rng.chance(0.25)) return surname + first;
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return surname + first + second;
}

/** Mainland mobile prefixes in use (13x, 15x, 18x, 19x). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

/** A valid-looking 11-digit mobile number. */
export function fakeMobile(rng: Rng): string {
  let digits = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i += 1) digits += String(rng.int(0, 9));
  return digits;
}

// ---------------------------------------------------------------------------------------------
// Employers

const BRANDS: readonly string[] = [
  '恒发',
  '鑫源',
  '富民',
  '兴农',
  '顺达',
  '华盛',
  '永丰',
  '瑞丰',
  '宏达',
  '金穗',
  '盛桂',
  '鹿鸣',
  '祥和',
  '隆兴',
  '利民',
  '长青',
  '桂香',
  '绿源',
  '丰茂',
  '众诚',
];
const COMPANY_TRADES: readonly string[] = [
  '建材',
  '建筑工程',
  '木业',
  '农业开发',
  '物流',
  '食品',
  '机械制造',
  '家政服务',
  '劳务',
  '林业',
  '电子',
  '糖业',
  '装饰工程',
  '农产品',
];
const SHOPS: readonly string[] = [
  '餐馆',
  '米粉店',
  '五金店',
  '建材店',
  '汽修店',
  '摩托车维修店',
  '农资店',
  '超市',
  '饭店',
  '快餐店',
  '养殖场',
  '果场',
  '装修队',
  '家电维修部',
];
const COOP_PRODUCTS: readonly string[] = [
  '沙糖桔种植',
  '甘蔗种植',
  '水果种植',
  '蔬菜种植',
  '生猪养殖',
  '食用菌种植',
  '桑蚕养殖',
  '油茶种植',
  '农机服务',
  '稻谷种植',
];

export type FakeEmployerKind = 'enterprise' | 'individual_business' | 'cooperative';

/**
 * A plausible employer in the given town ('中渡镇'): a company ('鹿寨县中渡镇恒发建材有限公司'),
 * an individual business (个体户, '中渡镇李记餐馆') or a farmers' cooperative (合作社). Pass `kind`
 * to keep the name consistent with the employer type (USCC type 91 / 92 / 93); without it the
 * kind is mixed 50/35/15. Private persons are not generated here (use fakePersonName).
 */
export function fakeEmployerName(rng: Rng, townName: string, kind?: FakeEmployerKind): string {
  const chosen =
    kind ??
    pickWeighted<FakeEmployerKind>(rng, [
      ['enterprise', 50],
      ['individual_business', 35],
      ['cooperative', 15],
    ]);
  switch (chosen) {
    case 'enterprise':
      return `鹿寨县${townName}${rng.pick(BRANDS)}${rng.pick(COMPANY_TRADES)}${rng.chance(0.8) ? '有限公司' : '有限责任公司'}`;
    case 'individual_business': {
      const owner = rng.chance(0.5) ? `${pickWeighted(rng, SURNAME_WEIGHTS)}记` : rng.pick(BRANDS);
      return `${townName}${owner}${rng.pick(SHOPS)}`;
    }
    case 'cooperative':
      return `鹿寨县${townName}${rng.pick(BRANDS)}${rng.pick(COOP_PRODUCTS)}专业合作社`;
  }
}

// ---------------------------------------------------------------------------------------------
// Pay

export type WageUnit = 'hour' | 'day' | 'piece' | 'month';

export interface FakeWage {
  unit: WageUnit;
  /** Integer fen (1 yuan = 100 fen); minFen <= maxFen. */
  minFen: number;
  maxFen: number;
  /** What one piece is ('吨', '斤', '亩', '件'); only for unit 'piece'. */
  pieceLabel?: string;
}

interface PayBand {
  unit: WageUnit;
  /** Range in yuan and the rounding step in yuan. */
  minYuan: number;
  maxYuan: number;
  stepYuan: number;
  pieceLabel?: string;
}

const DAY_LABOUR: PayBand = { unit: 'day', minYuan: 150, maxYuan: 250, stepYuan: 10 };
const DAY_SKILLED: PayBand = { unit: 'day', minYuan: 220, maxYuan: 300, stepYuan: 10 };
const DAY_FARM: PayBand = { unit: 'day', minYuan: 150, maxYuan: 220, stepYuan: 10 };
const DAY_HEAVY: PayBand = { unit: 'day', minYuan: 180, maxYuan: 300, stepYuan: 10 };
const MONTH_STANDARD: PayBand = { unit: 'month', minYuan: 3000, maxYuan: 6000, stepYuan: 100 };
const HOUR_STANDARD: PayBand = { unit: 'hour', minYuan: 18, maxYuan: 30, stepYuan: 1 };

/**
 * Plausible 2025 pay in a Guangxi county, first matching rule wins. Day labour 150-300 yuan/day,
 * monthly 3000-6000 yuan, hourly 18-30 yuan; a few trades differ (月嫂 by the month, 家教 by
 * the hour, harvest work often by the piece).
 */
const PAY_RULES: readonly { match: RegExp; bands: readonly (readonly [PayBand, number])[] }[] = [
  { match: /月嫂/, bands: [[{ unit: 'month', minYuan: 5000, maxYuan: 8000, stepYuan: 500 }, 1]] },
  { match: /家教/, bands: [[{ unit: 'hour', minYuan: 30, maxYuan: 60, stepYuan: 5 }, 1]] },
  {
    match: /砍蔗/,
    bands: [
      [{ unit: 'piece', minYuan: 80, maxYuan: 130, stepYuan: 5, pieceLabel: '吨' }, 6],
      [DAY_HEAVY, 4],
    ],
  },
  {
    match: /装车/,
    bands: [
      [{ unit: 'piece', minYuan: 20, maxYuan: 40, stepYuan: 5, pieceLabel: '吨' }, 5],
      [DAY_HEAVY, 5],
    ],
  },
  {
    match: /采摘/,
    bands: [
      [{ unit: 'piece', minYuan: 0.3, maxYuan: 0.8, stepYuan: 0.05, pieceLabel: '斤' }, 6],
      [DAY_FARM, 4],
    ],
  },
  {
    match: /插秧/,
    bands: [
      [{ unit: 'piece', minYuan: 150, maxYuan: 250, stepYuan: 10, pieceLabel: '亩' }, 5],
      [DAY_FARM, 5],
    ],
  },
  {
    match: /缝纫/,
    bands: [
      [{ unit: 'piece', minYuan: 0.5, maxYuan: 3, stepYuan: 0.1, pieceLabel: '件' }, 5],
      [MONTH_STANDARD, 5],
    ],
  },
  {
    match: /泥水|钢筋|木工|电焊|架子|混凝土|贴砖|水电|油漆|抹灰|防水|装修|门窗|钢结构|工匠/,
    bands: [[DAY_SKILLED, 1]],
  },
  {
    match: /保洁|钟点|促销|礼仪|活动/,
    bands: [
      [HOUR_STANDARD, 7],
      [{ unit: 'day', minYuan: 150, maxYuan: 200, stepYuan: 10 }, 3],
    ],
  },
  {
    match: /司机|农机手/,
    bands: [
      [DAY_HEAVY, 5],
      [{ unit: 'month', minYuan: 4500, maxYuan: 6000, stepYuan: 100 }, 5],
    ],
  },
  {
    match: /小工|杂工|搬运|装卸|除草|割灌|造林|抚育|砍伐|种植|收割|帮工|农艺|零活|园林|绿化|环卫/,
    bands: [[DAY_LABOUR, 1]],
  },
];

function amountFen(rng: Rng, band: PayBand): { minFen: number; maxFen: number } {
  const stepFen = Math.round(band.stepYuan * 100);
  const loFen = Math.round(band.minYuan * 100);
  const steps = Math.max(0, Math.floor((Math.round(band.maxYuan * 100) - loFen) / stepFen));
  const a = rng.int(0, steps);
  const spread = rng.int(0, Math.min(steps - a, Math.max(1, Math.round(steps / 3))));
  return { minFen: loFen + a * stepFen, maxFen: loFen + (a + spread) * stepFen };
}

function payBands(occupationName: string): readonly (readonly [PayBand, number])[] {
  const rule = PAY_RULES.find((candidate) => candidate.match.test(occupationName));
  return rule
    ? rule.bands
    : [
        [MONTH_STANDARD, 7],
        [DAY_LABOUR, 3],
      ];
}

/** Pay range for a job in the given trade (by its Chinese name), in integer fen. */
export function fakeWage(rng: Rng, occupationName: string): FakeWage {
  const band = pickWeighted(rng, payBands(occupationName));
  const { minFen, maxFen } = amountFen(rng, band);
  return band.pieceLabel === undefined
    ? { unit: band.unit, minFen, maxFen }
    : { unit: band.unit, minFen, maxFen, pieceLabel: band.pieceLabel };
}

// ---------------------------------------------------------------------------------------------
// Titles, places, points

/** A short posting title for the trade: '急招泥水工3名', '砍蔗工 日结', … */
export function fakeJobTitle(rng: Rng, occupationName: string): string {
  const count = rng.int(1, 10);
  const units = payBands(occupationName).map(([band]) => band.unit);
  const templates = [`急招${occupationName}${count}名`, `诚聘${occupationName}`, `本地${occupationName}，离家近`];
  if (units.every((unit) => unit === 'month')) {
    templates.push(`${occupationName}（长期）`, `招${occupationName}${count}人，包吃住`);
  } else if (units.every((unit) => unit !== 'month')) {
    templates.push(
      `${occupationName} 日结`,
      `招${occupationName}${count}人，包午餐`,
      `${occupationName}${count}名，干完就结`,
    );
  }
  return rng.pick(templates);
}

const PLACE_HEADS: readonly string[] = [
  '那',
  '板',
  '六',
  '古',
  '拉',
  '大',
  '新',
  '平',
  '石',
  '龙',
  '上',
  '下',
  '江',
  '长',
  '马',
  '安',
  '木',
  '高',
  '牛',
  '良',
];
const PLACE_TAILS: readonly string[] = [
  '塘',
  '岭',
  '坡',
  '山',
  '田',
  '寨',
  '冲',
  '洞',
  '垌',
  '湾',
  '头',
  '坪',
  '桥',
  '美',
  '乐',
  '岩',
];

function placeName(rng: Rng): string {
  return rng.pick(PLACE_HEADS) + rng.pick(PLACE_TAILS);
}

/** A rural address in the town: '鹿寨县中渡镇那塘村古岭屯18号' (invented village and hamlet names). */
export function fakeVillageAddress(rng: Rng, townName: string): string {
  const village = placeName(rng);
  let hamlet = placeName(rng);
  while (hamlet === village) hamlet = placeName(rng);
  return `鹿寨县${townName}${village}村${hamlet}屯${rng.int(1, 99)}号`;
}

const KM_PER_DEGREE_LAT = 111.32;

/** A point uniformly inside a circle of `km` around `centre`, rounded to 6 decimals (~0.1 m). */
export function jitterPoint(rng: Rng, centre: { lng: number; lat: number }, km: number): { lng: number; lat: number } {
  const radius = Math.max(0, km) * Math.sqrt(rng.next());
  const angle = 2 * Math.PI * rng.next();
  const dLat = (radius * Math.sin(angle)) / KM_PER_DEGREE_LAT;
  const dLng = (radius * Math.cos(angle)) / (KM_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lng: Number((centre.lng + dLng).toFixed(6)), lat: Number((centre.lat + dLat).toFixed(6)) };
}
