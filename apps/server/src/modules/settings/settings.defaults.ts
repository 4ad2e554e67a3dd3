import type { SettingValues } from '@lingong/contracts';

const entry = (code: string, label: string) => ({ code, label, disabled: false });

/** Built-in values of every parameter; a saved row overrides its key. */
export const SETTING_DEFAULTS: SettingValues = {
  autoPublishVerifiedEmployers: true,
  checkInRadiusMetres: 500,
  noShowGraceMinutes: 30,
  ratingWindowDays: 7,
  lateCancelHours: 24,
  grievanceSlaHours: { accept: 24, resolve: 120 },
  // 广西壮族自治区最低工资标准 in force since 2020-03-01 (一类 17.5, 二类 15.3, 三类 14.0 元/小时);
  // 鹿寨县 taken as 二类 (1580元/月, 15.3元/小时). Staff must check the current notice and class.
  wageRules: { deductionCapPercent: 20, minimumHourlyWageFen: 1530, graceDays: 3, autoReceiveDays: 3 },
  smsTemplates: {
    login: '您的验证码为${code}，5分钟内有效，请勿告诉他人。',
    sign: '您正在签署工作协议，验证码为${code}，5分钟内有效。',
    invited: '${employer}邀请您参加“${job}”（${date}开工），请登录鹿寨零工查看并回复。',
    hired: '您已被${employer}录用（${job}），请按约定时间到岗。',
    agreement_to_sign: '“${job}”的工作协议（${number}）已生成，请登录鹿寨零工阅读并签署。',
    shift_reminder: '提醒：您明天（${date}）在“${job}”上工，地点：${place}，请按时到岗。',
    completed: '“${job}”已确认完工，应付报酬${amount}元。',
    rated: '您收到一条${stars}星用工评价，可在鹿寨零工“我的信用”中查看。',
    wage_due: '${job}的工资${amount}元已到结算日，请及时支付。',
  },
  kpiTargets: {
    contract_job_posts: { '2025': 100 },
    contract_job_openings: { '2025': 5000 },
    flexible_job_posts: { '2025': 50 },
    flexible_job_openings: { '2025': 2000 },
    provincial_job_records: { '2025': 2000 },
    employer_registrations: { '2025': 100 },
    worker_registrations: { '2025': 3600 },
    matchmakings: { '2025': 3600 },
    training_sessions: { '2025': 200 },
    recruitment_events: { '2025-H2': 5 },
    station_events: { '2025': 6 },
    publicity_articles: { '2025': 10 },
    publicity_campaigns: { '2025': 6 },
    publicity_posts: { '2025': 300 },
    publicity_slogans: { '2025': 30 },
    info_collection_villages: { '2025': 113 },
  },
  serviceHours: { open: '09:00', close: '18:00' },
  featureSwitches: { provincialSync: false, wechatLogin: false, elderMode: true, voiceReadAloud: true, mapView: true },
  priorityGroups: [
    entry('poverty_alleviated', '脱贫劳动力'),
    entry('zero_employment_family', '零就业家庭成员'),
    entry('disabled', '残疾人'),
    entry('veteran', '退役军人'),
    entry('graduate', '高校毕业生'),
    entry('migrant_returnee', '农民工/返乡人员'),
    entry('unemployed', '失业人员'),
    entry('subsistence_allowance', '低保家庭成员'),
    entry('age_4050', '大龄(4050)人员'),
    entry('flexible_worker', '灵活就业人员'),
  ],
  educationLevels: [
    entry('none', '未上过学'),
    entry('primary', '小学'),
    entry('junior_high', '初中'),
    entry('senior_high', '高中'),
    entry('vocational', '中专/中技/职高'),
    entry('college', '大学专科'),
    entry('bachelor', '大学本科'),
    entry('postgraduate', '研究生及以上'),
  ],
};
