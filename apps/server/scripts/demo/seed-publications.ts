import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { staff } from '../../src/modules/accounts/accounts.schema.js';
import { jobPostings } from '../../src/modules/jobs/jobs.schema.js';
import { publicationLogs, publications } from '../../src/modules/publications/publications.schema.js';

const COUNTY = '450223000000';
const DAY = 86_400_000;

/** Demo 统一发布 items: published ones fill the mobile banner and notices and the hall screen; one waits for review. */
export async function seedPublicationsDemo(db: DbOrTx): Promise<void> {
  const [author] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'counter'));
  const [reviewer] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'reviewer'));
  const jobs = await db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(and(eq(jobPostings.status, 'published')))
    .orderBy(desc(jobPostings.publishedAt))
    .limit(5);
  const now = Date.now();
  const items = [
    {
      kind: 'announcement' as const,
      title: '鹿寨县2026年冬季专场招聘会',
      summary: '12月6日上午9点，县零工市场一楼大厅，50余家企业现场招聘',
      body: '为帮助返乡和就近就业人员找到合适岗位，县就业服务中心定于12月6日（周六）上午9:00-12:00在县零工市场一楼大厅举办冬季专场招聘会。\n\n现场有制造、物流、家政、建筑等50余家用工单位，提供岗位800余个。\n\n请求职者携带身份证参加，现场可办理求职登记和培训报名。',
      channels: ['banner', 'notice', 'screen', 'poster', 'wechat'] as const,
    },
    {
      kind: 'policy' as const,
      title: '灵活就业人员社保补贴申领指南',
      summary: '符合条件的就业困难人员灵活就业可申领社会保险补贴',
      body: '符合条件的就业困难人员以灵活就业方式就业并缴纳社会保险费的，可按规定申领社会保险补贴。\n\n申领材料：身份证、灵活就业登记、缴费凭证。\n\n办理地点：县零工市场服务窗口或各乡镇零工驿站。',
      channels: ['notice', 'wechat'] as const,
    },
    {
      kind: 'job_bulletin' as const,
      title: '本周热招岗位快讯',
      summary: '日结、离家近的岗位，报名就能干',
      body: '本周零工市场精选在招岗位，点击岗位即可报名。',
      channels: ['notice', 'screen', 'poster'] as const,
      jobIds: jobs.map((j) => j.id),
    },
  ];
  for (const [i, item] of items.entries()) {
    const publishedAt = new Date(now - (i + 1) * DAY);
    const [row] = await db
      .insert(publications)
      .values({
        ...item,
        channels: [...item.channels],
        regionCode: COUNTY,
        status: 'published',
        publishAt: publishedAt,
        publishedAt,
        unpublishAt: new Date(now + 60 * DAY),
        authorStaffId: author?.id ?? null,
        reviewerStaffId: reviewer?.id ?? null,
        reviewedAt: publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      .returning({ id: publications.id });
    const live = item.channels.filter((c) => c === 'banner' || c === 'notice' || c === 'screen');
    await db.insert(publicationLogs).values(
      live.map((channel) => ({
        publicationId: row!.id,
        channel,
        action: 'published' as const,
        staffId: null,
        at: publishedAt,
      })),
    );
  }
  await db.insert(publications).values({
    kind: 'announcement',
    title: '寨沙镇零工驿站春节期间服务安排',
    summary: '春节期间驿站照常开放，提供返乡人员求职登记',
    body: '春节期间（农历腊月二十八至正月初六），寨沙镇零工驿站每天9:00-17:00照常开放，为返乡人员提供求职登记、岗位推荐和培训报名服务。',
    channels: ['notice', 'banner'],
    regionCode: COUNTY,
    status: 'pending_review',
    authorStaffId: author?.id ?? null,
  });
}
