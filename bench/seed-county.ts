// Set-based seeding of a county (or larger) for the load bench: employers with credit scores,
// workers and job postings with jieba search tokens, in a handful of INSERT … SELECT statements
// (generate_series), so PGlite and PostgreSQL both seed 5k jobs / 50k workers in seconds.
import { sql } from 'drizzle-orm';
import type { Db } from '../apps/server/src/db/client.js';
import { seedBaseData } from '../apps/server/src/db/seed-base.js';
import { documentTokens, toTsvectorLiteral } from '../apps/server/src/platform/search/tokens.js';

export type Scale = { jobs: number; workers: number };

/** A deterministic RFC 4122 (version 4 shaped) uuid from a text, as SQL: the API validates ids. */
const uid = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The nine towns of Luzhai (450223); jobs and workers spread evenly over them. */
export const TOWNS = [
  '450223100000',
  '450223101000',
  '450223102000',
  '450223103000',
  '450223104000',
  '450223105000',
  '450223200000',
  '450223201000',
  '450223202000',
];
const TOWN_ARRAY = `array[${TOWNS.map((t) => `'${t}'`).join(',')}]`;

/** 44 titles: one in 44 (2.3 %) carries 保洁, like the issue's measurement. */
const TITLES = [
  '商场保洁员',
  ...[
    '电焊工',
    '水电安装',
    '甘蔗砍收',
    '工地小工',
    '搬运装卸',
    '仓库理货',
    '餐厅服务员',
    '厨房帮工',
    '快递分拣',
    '送货司机',
    '木工',
    '油漆工',
    '钢筋工',
    '泥瓦工',
    '保安员',
    '柑橘采摘',
    '茶叶采摘',
    '家政服务',
    '月嫂',
    '育婴员',
    '养老护理员',
    '酒店客房服务员',
    '收银员',
    '导购员',
    '叉车司机',
    '挖掘机司机',
    '货车司机',
    '电工',
    '管道工',
    '普工',
    '包装工',
    '质检员',
    '缝纫工',
    '竹编工',
    '螺蛳粉包装',
    '糖厂季节工',
    '物流装卸',
    '绿化养护',
    '道路清扫',
    '水果分拣',
    '食堂帮厨',
    '农机手',
    '瓦工',
  ],
];
const DESCRIPTION =
  '工作内容按现场安排，包吃住，工资按约定结算。要求身体健康，能吃苦耐劳，服从管理，有相关经验者优先。上下班时间固定，加班另计。';

function vectors(): string {
  const lits = TITLES.map((t) => toTsvectorLiteral(documentTokens([t, '', '', '', DESCRIPTION, '身体健康'])));
  return `array[${lits.map((l) => `'${l.replaceAll("'", "''")}'`).join(',')}]`;
}

/** True when the database already holds this scale of bench data (so a rerun reuses it). */
export async function isSeeded(db: Db, scale: Scale): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(
    sql.raw(`select count(*)::int as n from job_postings where title like '压测·%'`),
  );
  const first = (rows as unknown as { rows: { n: number }[] }).rows[0];
  return (first?.n ?? 0) === scale.jobs;
}

export async function seedCounty(db: Db, scale: Scale): Promise<void> {
  await seedBaseData(db);
  const exec = (q: string) => db.execute(sql.raw(q));
  const employers = Math.max(10, Math.round(scale.jobs / 10));
  await exec(
    `create temporary table bench_occ as select row_number() over (order by id) - 1 as i, id from occupations where not is_category`,
  );
  await exec(`
    insert into employers (id, name, kind, town_code, verification_status)
    select ${uid(`'e' || g`)}, '鹿寨县压测用工单位' || g || '号', case when g % 4 = 0 then 'individual' else 'enterprise' end,
      (${TOWN_ARRAY})[1 + g % 9], case when g % 3 = 0 then 'unverified' else 'verified' end
    from generate_series(0, ${employers - 1}) g`);
  await exec(`
    insert into credit_scores (subject_type, subject_id, score)
    select 'employer', ${uid(`'e' || g`)}, 40 + (g * 37) % 61 from generate_series(0, ${employers - 1}) g where g % 2 = 0`);
  await exec(`
    insert into worker_profiles (id, name_enc, home_region_code, occupation_ids, channel, created_at, updated_at)
    select ${uid(`'w' || g`)}, 'bench', (${TOWN_ARRAY})[1 + g % 9],
      array(select id from bench_occ where i in (g % (select count(*) from bench_occ), (g * 7 + 3) % (select count(*) from bench_occ))),
      'counter', now() - (g % 730) * interval '1 day', now()
    from generate_series(0, ${scale.workers - 1}) g`);
  // 90 % published (spread over 200 days), the rest closed; pay units and amounts vary for best-pay.
  await exec(`
    insert into job_postings (id, employer_id, occupation_id, title, kind, headcount, wage_min_fen, wage_max_fen, wage_unit,
      settlement, town_code, address, lng, lat, start_date, end_date, description, requirements, status, search_tokens,
      published_at, closed_at, created_at, updated_at)
    select ${uid(`'j' || g`)}, ${uid(`'e' || (g % ${employers})`)},
      (select id from bench_occ where i = (g * 13) % (select count(*) from bench_occ)),
      '压测·' || (array[${TITLES.map((t) => `'${t}'`).join(',')}])[1 + g % ${TITLES.length}] || g,
      case when g % 3 = 0 then 'contract' else 'flexible' end, 1 + g % 30,
      w.fen, w.fen + (g % 7) * w.step, w.unit, 'daily', (${TOWN_ARRAY})[1 + (g * 5) % 9], '压测地址' || g || '号',
      109.55 + (g % 97) * 0.004, 24.30 + (g % 89) * 0.004, current_date - (g % 30), current_date + 60 + g % 100,
      '${DESCRIPTION}' || repeat('工作地点交通便利，附近有公交站。', 6), '身体健康，年龄18至55岁',
      case when g % 10 = 9 then 'closed' else 'published' end,
      (${vectors()})[1 + g % ${TITLES.length}]::tsvector,
      now() - (g % 4800) * interval '1 hour' - (g % 60) * interval '1 second',
      case when g % 10 = 9 then now() else null end, now() - interval '201 days', now()
    from generate_series(0, ${scale.jobs - 1}) g
    cross join lateral (select (array['day','hour','month','piece'])[1 + g % 4] as unit,
      (array[15000, 2000, 400000, 100])[1 + g % 4] as fen, (array[1000, 200, 20000, 10])[1 + g % 4] as step) w`);
  await exec('drop table bench_occ');
  // Statistics and the visibility map (index-only counts), as autovacuum leaves a PostgreSQL table.
  await exec('vacuum analyze');
}
