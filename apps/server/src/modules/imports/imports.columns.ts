import {
  FOLLOWUP_STATUS_LABELS,
  MATCHMAKING_KIND_LABELS,
  PRIORITY_GROUPS,
  type ImportableLedger,
} from '@lingong/contracts';
import { MEMBER_NEED_LABELS, MEMBER_STATUS_LABELS } from '@lingong/contracts/labels';
import type { ImportColumn, ImportSpec } from './imports.sheet.js';

// Import templates: the export sheets' names and Chinese headers (export-only columns such as
// 序号, 所在地 or 跟踪次数 are ignored when present), plus 公民身份号码 to identify the person.

const col = (header: string, required: boolean, width: number, hint: string, example = ''): ImportColumn => ({
  header,
  required,
  width,
  hint,
  example,
});
const seq = col('序号', false, 8, '可不填，导入时忽略');
const idNumber = col(
  '公民身份号码',
  true,
  22,
  '18位身份证号码，用于核对求职者（须已在系统登记）',
  '450223198001011234',
);
const time = (header: string, example: string) =>
  col(header, true, 18, '格式 2025-10-01 09:30 或 2025-10-01，不能晚于今天', example);
const recorder = (header: string) => col(header, false, 14, '系统中工作人员的姓名；不填则记为导入人');

export const IMPORT_SPECS: Record<ImportableLedger, ImportSpec> = {
  registrations: {
    sheet: '求职登记台账',
    columns: [
      seq,
      col('姓名', true, 12, '2-30个字', '韦春花'),
      col('性别', false, 6, '男/女；不填按身份证号码', '女'),
      col(
        '公民身份号码',
        true,
        22,
        '18位身份证号码（请保持文本格式）；已登记过的人员不能重复导入',
        '450223198001011234',
      ),
      col('联系电话', false, 15, '11位手机号码', '13712345678'),
      col('户籍/现居住地', true, 22, '本县乡镇或村：12位区划代码，或名称如"中渡镇·大兆村"', '中渡镇·大兆村'),
      col('重点群体类别', false, 24, `多个用、分隔，可选：${PRIORITY_GROUPS.join('、')}`, '脱贫劳动力、残疾人'),
      col('登记渠道', true, 12, '窗口代登记/驿站/入户采集/活动现场', '入户采集'),
      recorder('登记人'),
      time('登记时间', '2025-10-01 09:30'),
      col('工种', false, 20, '工种名称或国家职业分类代码，多个用、分隔', '泥水工'),
    ],
  },
  followups: {
    sheet: '跟踪服务台账',
    columns: [
      seq,
      col('姓名', true, 12, '须与身份证号码登记的姓名一致', '韦春花'),
      idNumber,
      time('联系时间', '2025-11-01 10:00'),
      col('跟踪状态', true, 10, Object.values(FOLLOWUP_STATUS_LABELS).join('/'), '已就业'),
      col('情况说明', false, 40, '最多500字', '已在本镇工厂上班'),
      col('下次跟踪日期', false, 14, '格式 2025-12-01，不能早于联系日期', '2025-12-01'),
      recorder('记录人'),
    ],
  },
  guidance: {
    sheet: '职业指导台账',
    columns: [
      seq,
      col('姓名', true, 12, '须与身份证号码登记的姓名一致', '韦春花'),
      idNumber,
      time('指导时间', '2025-11-01 10:00'),
      col('指导主题', true, 18, '最多40字', '择业方向'),
      col('择业建议', true, 40, '最多1000字', '建议参加电工培训后到工业园区求职'),
      col('下一步安排', false, 30, '最多500字', '报名12月电工班'),
      col('回访日期', false, 14, '格式 2025-12-01，不能早于指导日期', '2025-12-01'),
      recorder('指导人'),
    ],
  },
  matchmakings: {
    sheet: '招聘求职对接台账',
    columns: [
      seq,
      col('求职者姓名', true, 12, '须与身份证号码登记的姓名一致', '韦春花'),
      idNumber,
      col('用工主体', true, 26, '系统中用工主体的全称', '鹿寨县某建材有限公司'),
      col('岗位', false, 24, '该用工主体的岗位名称；可不填', '搬运工'),
      col('对接方式', false, 10, `${Object.values(MATCHMAKING_KIND_LABELS).join('/')}；不填为推荐`, '推荐'),
      time('对接时间', '2025-11-01 10:00'),
      recorder('记录人'),
      col('备注', false, 30, '最多500字', '线下推荐面试'),
    ],
  },
  collection: {
    sheet: '家庭成员就业情况',
    columns: [
      seq,
      col(
        '所在村',
        true,
        22,
        '行政村：12位区划代码或名称如"中渡镇·大兆村"；同村、同户主、同住址的行为同一户',
        '中渡镇·大兆村',
      ),
      col('户主姓名', true, 10, '2-30个字', '韦大勇'),
      col('家庭住址', true, 28, '2-100个字', '大兆村三组12号'),
      col('家庭人口', true, 10, '1-30，同一户各行相同', '4'),
      col('采集日期', true, 12, '格式 2025-10-01，同一户各行相同', '2025-10-01'),
      col('姓名', true, 10, '成员姓名', '韦春花'),
      col('与户主关系', false, 10, '最多10字', '配偶'),
      col('公民身份号码', true, 22, '18位身份证号码；每人只能在一户登记', '450223198001011234'),
      col('联系电话', false, 15, '11位手机号码', '13712345678'),
      col('就业状态', true, 12, Object.values(MEMBER_STATUS_LABELS).join('/'), '外出务工'),
      col('务工地点', false, 18, '外出务工必填，最多60字', '广东省佛山市'),
      col('务工工种', false, 12, '最多30字', '普工'),
      col('务工联系方式', false, 15, '最多30字', '13712345678'),
      col('需求', false, 16, `多个用、分隔：${Object.values(MEMBER_NEED_LABELS).join('/')}`, '技能培训'),
      col('需求说明', false, 24, '最多200字', '想学电工'),
      col('零就业家庭', false, 10, '是/否；不填由系统按成员就业状态判定', ''),
      col('备注', false, 24, '户的备注，最多500字', ''),
      col('采集人', false, 14, '系统中工作人员的姓名；不填则记为导入人'),
    ],
  },
};

export const TEMPLATE_NOTES = [
  '说明：第一个工作表为填写表，请从第2行开始逐行填写，不要修改表头；可删除不需要的选填列。',
  '导入时逐行校验，任何一行有错误则整个文件都不导入，并列出所有错误的行号、列名和原因。',
  '个人信息加密保存；只能导入管辖区域内的人员记录。',
];

/** Most data rows one file may hold. */
export const IMPORT_MAX_ROWS = 100_000;
