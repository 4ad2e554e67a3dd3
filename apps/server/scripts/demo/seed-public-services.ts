import { makeIdNumber, WORKING_STATUSES, type MemberStatus } from '@lingong/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import type { Pii } from '../../src/platform/pii.js';
import { staff } from '../../src/modules/accounts/accounts.schema.js';
import {
  collectionFollowups,
  collectionHouseholds,
  collectionMembers,
  derivedZeroEmployment,
} from '../../src/modules/collection/index.js';
import { dutyShifts, facilityChecks, stationVisits } from '../../src/modules/operations/index.js';
import { publicityItems } from '../../src/modules/publicity/index.js';
import { regions, stations } from '../../src/modules/reference/reference.schema.js';
import { createRng, fakeMobile, fakePersonName, fakeVillageAddress, type Rng } from './generators.js';

// Demo records of publicity (宣传), household collection (就业信息采集) and the operations log
// (值班, 驿站指导, 设施检查), dated in the current year up to `now`, so those ledgers and KPI cards
// are not empty on a fresh start.

const COUNTY = '450223000000';
const DAY = 86_400_000;
const shanghaiDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

type Ctx = { db: DbOrTx; pii: Pii; rng: Rng; start: number; now: number; recorders: { id: string; region: string }[] };
const dayIn = (c: Ctx) => shanghaiDay(c.start + Math.floor(c.rng.next() * Math.max(1, c.now - c.start)));

async function seedPublicity(c: Ctx): Promise<void> {
  const plan: [string, number, string[]][] = [
    ['article', 20, ['wechat_official', 'gov_website', 'newspaper']],
    ['post', 110, ['wechat_official', 'gov_website', 'offline']],
    ['short_video', 90, ['douyin', 'wechat_channels', 'kuaishou']],
    ['livestream', 10, ['douyin', 'wechat_channels']],
    ['slogan', 34, ['outdoor', 'offline']],
    ['campaign', 6, ['tv_radio', 'offline']],
  ];
  const titles: Record<string, string[]> = {
    article: ['零工市场助力家门口就业', '鹿寨县零工市场服务指南', '一张表看懂灵活就业补贴'],
    post: ['本周岗位速递', '零工驿站开放时间', '技能培训报名通知'],
    short_video: ['零工市场一日', '驿站帮我找到好工作', '30秒了解零工小程序'],
    livestream: ['直播带岗：县城企业专场', '直播带岗：返乡就业专场'],
    slogan: ['家门口就业，零工市场帮您忙', '有活找零工，找活上零工', '技能在手，就业不愁'],
    campaign: ['春风行动综合宣传', '就业援助月宣传', '民营企业招聘月宣传'],
  };
  const rows = plan.flatMap(([kind, n, channels]) =>
    Array.from({ length: n }, (_v, i) => ({
      kind: kind as (typeof publicityItems.$inferInsert)['kind'],
      quality: kind === 'article' && i < 12,
      channel: c.rng.pick(channels) as (typeof publicityItems.$inferInsert)['channel'],
      title: `${c.rng.pick(titles[kind] ?? ['宣传'])}（${i + 1}）`,
      link: kind === 'slogan' || kind === 'campaign' ? '' : `https://example.gov.cn/lingong/${kind}/${i + 1}`,
      publishedOn: dayIn(c),
      reach: kind === 'slogan' ? 0 : c.rng.int(200, 20_000),
      regionCode: c.rng.chance(0.7) ? COUNTY : c.rng.pick(c.recorders).region,
      recorderStaffId: c.rng.pick(c.recorders).id,
    })),
  );
  for (let i = 0; i < rows.length; i += 200) await c.db.insert(publicityItems).values(rows.slice(i, i + 200));
}

const STATUS_WEIGHTS: MemberStatus[] = [
  'employed_local',
  'employed_local',
  'migrant',
  'migrant',
  'migrant',
  'flexible',
  'unemployed',
  'not_in_labour_force',
];
const DESTINATIONS = ['广东东莞', '广东深圳', '广东佛山', '柳州市区', '浙江宁波'];
const TRADES = ['电子装配', '建筑工', '快递分拣', '餐饮服务', '汽车零部件'];

async function seedCollection(c: Ctx): Promise<void> {
  const villages = await c.db
    .select({ code: regions.code, parent: regions.parentCode })
    .from(regions)
    .where(eq(regions.level, 'village'));
  const towns = new Map(
    (await c.db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 'town'))).map(
      (t) => [t.code, t.name],
    ),
  );
  let seq = 0;
  const today = shanghaiDay(c.now);
  for (const v of villages.filter(() => c.rng.chance(0.8))) {
    for (let h = 0; h < c.rng.int(2, 4); h++) {
      const size = c.rng.int(2, 5);
      const members = Array.from({ length: size }, (_x, i) => {
        seq += 1;
        const birth = shanghaiDay(Date.UTC(1950, 0, 1) + ((seq * 7919) % 22000) * DAY);
        const gender = c.rng.chance(0.5) ? 'male' : 'female';
        const idNumber = makeIdNumber({
          regionCode: '450223',
          birthDate: birth,
          seq: 450 + (Math.floor(seq / 22000) % 50),
          gender,
        });
        const status = c.rng.pick(STATUS_WEIGHTS);
        return { name: fakePersonName(c.rng, gender), idNumber, gender, birth, status, head: i === 0 };
      });
      const zeroFamily = c.rng.chance(0.08);
      if (zeroFamily) for (const m of members) m.status = WORKING_STATUSES.includes(m.status) ? 'unemployed' : m.status;
      const derived = derivedZeroEmployment(
        members.map((m) => ({ status: m.status, birthDate: m.birth })),
        today,
      );
      const head = members[0];
      const recorder = c.recorders.find((r) => v.code.startsWith(r.region.slice(0, 9))) ?? c.rng.pick(c.recorders);
      const [row] = await c.db
        .insert(collectionHouseholds)
        .values({
          villageCode: v.code,
          headNameEnc: c.pii.encrypt(head?.name ?? '户主'),
          addressEnc: c.pii.encrypt(fakeVillageAddress(c.rng, towns.get(v.parent ?? '') ?? '鹿寨镇')),
          memberCount: size,
          collectedOn: dayIn(c),
          zeroEmploymentDerived: derived,
          zeroEmployment: derived,
          recorderStaffId: recorder.id,
        })
        .returning();
      if (!row) continue;
      await c.db.insert(collectionMembers).values(
        members.map((m, i) => ({
          householdId: row.id,
          villageCode: v.code,
          nameEnc: c.pii.encrypt(m.name),
          idNumberEnc: c.pii.encrypt(m.idNumber),
          idNumberIndex: c.pii.index('id_number', m.idNumber),
          phoneEnc: m.status === 'not_in_labour_force' ? null : c.pii.encrypt(fakeMobile(c.rng)),
          gender: m.gender as 'male' | 'female',
          birthDate: m.birth,
          relation: i === 0 ? '户主' : c.rng.pick(['配偶', '子女', '父母']),
          status: m.status,
          migrantDestination: m.status === 'migrant' ? c.rng.pick(DESTINATIONS) : '',
          migrantTrade: m.status === 'migrant' ? c.rng.pick(TRADES) : '',
          migrantContactEnc: m.status === 'migrant' ? c.pii.encrypt(fakeMobile(c.rng)) : null,
          needs: m.status === 'unemployed' ? ['job', 'training'] : [],
          createdAt: new Date(c.now - DAY + i),
        })),
      );
      if (c.rng.chance(0.3))
        await c.db.insert(collectionFollowups).values({
          householdId: row.id,
          villageCode: v.code,
          followedOn: row.collectedOn,
          content: '电话回访，了解务工人员近况，推送本地岗位',
          nextDate: null,
          recorderStaffId: recorder.id,
        });
    }
  }
}

async function seedOperations(c: Ctx): Promise<void> {
  const county = (await c.db.select({ id: staff.id, region: staff.regionCode }).from(staff)).filter(
    (s) => s.region === COUNTY,
  );
  const stationRows = await c.db.select({ id: stations.id, townCode: stations.townCode }).from(stations);
  const shifts: (typeof dutyShifts.$inferInsert)[] = [];
  for (let t = c.now - 45 * DAY; t <= c.now - DAY; t += DAY) {
    const day = shanghaiDay(t);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const crew = county.filter(() => c.rng.chance(0.9));
    crew.forEach((s, i) =>
      shifts.push({
        dutyDate: day,
        staffId: s.id,
        place: 'market',
        onTime: i === 0 && c.rng.chance(0.15) ? '13:00' : '08:30',
        offTime: '18:00',
        regionCode: COUNTY,
        recorderStaffId: county[0]?.id,
      }),
    );
    for (const r of c.recorders.filter((x) => x.region !== COUNTY)) {
      const st = stationRows.find((s) => s.townCode === r.region);
      if (st)
        shifts.push({
          dutyDate: day,
          staffId: r.id,
          place: 'station',
          stationId: st.id,
          onTime: '09:00',
          offTime: '17:30',
          regionCode: st.townCode,
          recorderStaffId: r.id,
        });
    }
  }
  for (let i = 0; i < shifts.length; i += 300) await c.db.insert(dutyShifts).values(shifts.slice(i, i + 300));
  const visitor = county[0];
  if (visitor) {
    await c.db.insert(stationVisits).values(
      stationRows.map((s) => ({
        stationId: s.id,
        visitedOn: dayIn(c),
        visitorStaffId: visitor.id,
        content: '指导驿站求职登记、岗位发布与台账整理',
        issuesFound: c.rng.chance(0.5) ? '部分登记表缺少登记人签字' : '',
        followUp: '下次指导时复查',
        regionCode: s.townCode,
        recorderStaffId: visitor.id,
      })),
    );
    await c.db.insert(facilityChecks).values(
      Array.from({ length: 6 }, (_x, i) => ({
        checkedOn: shanghaiDay(c.now - (i * 30 + 3) * DAY),
        items: ['自助服务终端', '叫号机', '消防设施'],
        result: i === 2 ? ('needs_repair' as const) : ('ok' as const),
        faults: i === 2 ? '叫号机打印不清晰' : '',
        followUp: i === 2 ? '已报修，3日内修复' : '',
        regionCode: COUNTY,
        recorderStaffId: visitor.id,
      })),
    );
  }
}

export async function seedPublicServices(db: DbOrTx, pii: Pii, opts: { seed: number; now?: Date }): Promise<void> {
  const now = (opts.now ?? new Date()).getTime();
  const start = Date.parse(`${shanghaiDay(now).slice(0, 4)}-01-01T00:00:00+08:00`);
  const recorders = (
    await db.select({ id: staff.id, region: staff.regionCode, roles: staff.roles }).from(staff)
  ).filter((s) => s.roles.includes('counter_staff') || s.roles.includes('station_agent'));
  if (recorders.length === 0) return;
  const c: Ctx = { db, pii, rng: createRng(opts.seed + 23), start, now, recorders };
  await seedPublicity(c);
  await seedCollection(c);
  await seedOperations(c);
}
