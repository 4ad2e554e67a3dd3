/**
 * The phrase rules for job postings, by category, with the legal basis quoted to the employer.
 * Patterns run on text normalised by normalizeForRules (no spaces or symbols, lower case,
 * half-width; '-' kept only between digits). Neutral phrases (男女不限, 不查乙肝 …) are blanked
 * before any rule runs, so a rule never matches inside them.
 */
import { MODERATION_RULES } from '@lingong/contracts';

export const RULE_CODES = MODERATION_RULES;
export type RuleCode = (typeof RULE_CODES)[number];
export type RuleAction = 'block' | 'review';

export type RuleCategory = { label: string; basis: string; message: string };

export const RULE_CATEGORIES: Record<RuleCode, RuleCategory> = {
  gender: {
    label: '性别歧视',
    message: '含性别限制或性别优先，请删除',
    basis:
      '《就业促进法》第二十七条：不得以性别为由拒绝录用妇女或者提高对妇女的录用标准；《妇女权益保障法》第四十三条：不得限定为男性或者规定男性优先；人社部等九部门《关于进一步规范招聘行为促进妇女就业的通知》（人社部发〔2019〕17号）：招聘不得限定性别或性别优先（国家规定的女职工禁忌劳动范围除外）。',
  },
  ethnicity: {
    label: '民族歧视',
    message: '含民族限制，请删除',
    basis: '《就业促进法》第三条、第二十八条：劳动者就业不因民族不同而受歧视，各民族劳动者享有平等的劳动权利。',
  },
  region: {
    label: '地域户籍歧视',
    message: '含地域或户籍限制，请删除',
    basis:
      '《就业促进法》第二十六条、第三十一条：应当提供平等的就业机会，不得对农村劳动者进城就业设置歧视性限制；《就业服务与就业管理规定》第二十条：招聘广告不得包含歧视性内容。',
  },
  marital: {
    label: '婚育歧视',
    message: '含婚育状况要求，请删除',
    basis:
      '《妇女权益保障法》第四十三条：不得将限制结婚、生育或者婚姻、生育状况作为录用条件，不得将妊娠测试作为入职体检项目。',
  },
  health: {
    label: '健康状况歧视',
    message: '以乙肝、艾滋病等病原携带状况拒绝录用，请删除（要求持健康证上岗是合法的）',
    basis:
      '《就业促进法》第三十条：不得以是传染病病原携带者为由拒绝录用；《就业服务与就业管理规定》第十九条；人社部、教育部、卫生部《关于进一步规范入学和就业体检项目维护乙肝表面抗原携带者入学和就业权利的通知》（人社部发〔2010〕12号）：不得要求乙肝项目检测、不得询问是否为乙肝表面抗原携带者；《艾滋病防治条例》第三条：任何单位和个人不得歧视艾滋病病毒感染者、病人。',
  },
  disability: {
    label: '残疾歧视',
    message: '含拒绝残疾人的内容，请删除',
    basis: '《就业促进法》第二十九条、《残疾人保障法》第三十八条：用人单位招用人员，不得歧视残疾人。',
  },
  age: {
    label: '年龄限制',
    message: '含年龄限制，须写明合理理由（如高空作业等特殊工种安全要求）',
    basis:
      '《就业促进法》第二十六条：应当向劳动者提供平等的就业机会和公平的就业条件。本平台规则：年龄上限或高于18周岁的下限须写明理由，由审核员确认（“年满18周岁”等未成年人保护要求不受限制）。',
  },
  contact: {
    label: '站外联系方式',
    message: '含手机号、微信号或QQ号，已隐藏，需人工审核；联系方式请填在“联系电话”栏',
    basis: '本平台规则：为防范招聘诈骗、保护求职者，联系方式只在“联系电话”栏填写，由平台保护后展示。',
  },
};

/** One pattern of a category; `action` defaults to block. */
export type PhraseRule = { code: RuleCode; pattern: RegExp; action?: RuleAction; message?: string };

const PROVINCES =
  '(?:北京|天津|河北|山西|内蒙古?|辽宁|吉林|黑龙江|东北|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|台湾|香港|澳门)';
const ETHNIC =
  '(?:汉族|壮族|回族|维吾尔族|维族|藏族|蒙古族|蒙族|苗族|彝族|瑶族|侗族|土家族|满族|布依族|朝鲜族|哈萨克族|白族|傣族|黎族|仫佬族|毛南族|京族|水族|仡佬族|少数民族)';
const LIMIT = '(?:限|只招|仅招|只要|仅要|只收|仅收|仅限|只限|不招|不要|不收|谢绝|拒绝|拒收|不录用|不接受)';
const AWAY = '(?:勿扰|免谈|不要|不招|不收|除外|谢绝|莫扰|勿来|请勿|不予录用|不录用|不考虑|绕道|别来)';
const HBV = '(?:乙肝表面抗原|乙肝病毒|乙型肝炎|乙肝五项|乙肝两对半|乙肝|hbsag|大三阳|小三阳|两对半)';
const HIV = '(?:艾滋病病毒|艾滋病|艾滋|hiv)';
const CARRIER = '(?:病毒携带者|携带者|患者|病人|感染者|阳性)';
const MARITAL =
  '(?:未婚未育|已婚已育|未婚|已婚|已育|未育|离异|单身|无孩|有孩|无子女|已生育|未生育|孕妇|怀孕|孕期|哺乳期|宝妈|宝爸)';
const NO = '(?:无|非|没有|不能有|不得有|不是|需无|须无|要求无|排除)';

export const NEUTRAL: RegExp[] = [
  /男女不限|不限男女|性别不限|不限性别|男女均可|男女都可|男女皆可|男女工?均?可|男女老少|男女各半|男工女工|男女工|年龄不限|不限年龄|民族不限|不限民族|户籍不限|不限户籍|地域不限|不限地域|婚否不限|婚育不限/g,
  new RegExp(`不(?:查|检查|检测|化验|做|体检|含|包括|包含|问|询问)${HBV}(?:检查|检测|项目|五项)?`, 'g'),
  new RegExp(`(?:接受|欢迎|不歧视|不限)(?:${HBV}|${HIV})${CARRIER}?`, 'g'),
  new RegExp(`(?:${HBV}|${HIV})${CARRIER}?(?:可|可以|也可|亦可|均可|不影响|不限|欢迎|一视同仁)`, 'g'),
  /少数民族优先|少数民族同等条件下优先/g,
  /(?:妇女|女性)(?:权益|保护|就业)|女职工禁忌|女职工劳动保护/g,
];

export const PHRASE_RULES: PhraseRule[] = [
  // Gender: limits, preferences, "勿扰", 性别：男, 招女工.
  {
    code: 'gender',
    pattern: new RegExp(
      `(?:${LIMIT}|要求|需要?|须)(?:男|女)(?!女|男|装|鞋|包|款|式|童|士?用品)(?:性|士|生|工|的|人)?`,
      'g',
    ),
  },
  { code: 'gender', pattern: /(?<!妇)(?:男|女)(?:性|士|生|工|同志)?(?:优先|者优先)/g },
  { code: 'gender', pattern: new RegExp(`(?:男|女)(?:性|士|生|工|的)?${AWAY}`, 'g') },
  { code: 'gender', pattern: /性别(?:要求|限|限制)?(?:男|女)(?!女|男)(?:性)?/g },
  { code: 'gender', pattern: /招聘?(?:男|女)(?:性|士|生|工)(?!女|男)/g },
  { code: 'gender', pattern: /(?:只适合|仅适合|只适用于?)(?:男|女)(?:性|士|生)/g },
  // Ethnicity (少数民族优先 is neutral: art. 28 asks for 适当照顾).
  { code: 'ethnicity', pattern: new RegExp(`${LIMIT}${ETHNIC}(?:人)?`, 'g') },
  { code: 'ethnicity', pattern: new RegExp(`${ETHNIC}(?:人|同胞)?(?:优先|${AWAY})`, 'g') },
  // Region and household registration.
  {
    code: 'region',
    pattern: new RegExp(
      `${LIMIT}(?:本地|外地|外省|外县|农村|城镇|城市|本县|本市|本省|${PROVINCES})(?:人|户口|户籍|籍|的)`,
      'g',
    ),
  },
  { code: 'region', pattern: new RegExp(`${LIMIT}[\u4e00-\u9fa5]{1,4}?(?:籍|户口|户籍)`, 'g') },
  {
    code: 'region',
    pattern: new RegExp(`(?:本地|外地|外省|农村|城镇|${PROVINCES})(?:人|户口|户籍|籍)(?:优先|${AWAY})`, 'g'),
  },
  { code: 'region', pattern: new RegExp(`[\u4e00-\u9fa5]{1,4}籍(?:人员)?(?:优先|${AWAY})`, 'g') },
  // Marital and childbearing status; pregnancy tests.
  { code: 'marital', pattern: new RegExp(`${MARITAL}(?:者|人员|女性|女士)?(?:优先|${AWAY}|限)`, 'g') },
  { code: 'marital', pattern: new RegExp(`${LIMIT}${MARITAL}`, 'g') },
  {
    code: 'marital',
    pattern:
      /孕检(?!假)|验孕|(?:妊娠|怀孕)(?:测试|检查|检测|试纸)|(?:\d|一|二|两|三|五)年内不(?:得|能|准|可)?(?:结婚|生育|怀孕|生孩子|要孩子)/g,
  },
  { code: 'marital', pattern: new RegExp(`(?:要求|需|须|必须)${MARITAL}`, 'g') },
  // Health status: hepatitis B and HIV carriers refused, or a hepatitis B test demanded.
  { code: 'health', pattern: new RegExp(`(?:${NO}|${LIMIT})(?:${HBV}|${HIV})${CARRIER}?`, 'g') },
  { code: 'health', pattern: new RegExp(`(?:${HBV}|${HIV})${CARRIER}?者?${AWAY}`, 'g') },
  {
    code: 'health',
    pattern: new RegExp(
      `(?:查|检查|检测|化验|体检含|体检包括|体检包含|提供|需做|须做)${HBV}|${HBV}(?:检查|检测|化验|报告|阴性|正常)`,
      'g',
    ),
  },
  {
    code: 'health',
    pattern: new RegExp(`(?:传染病|病原)?携带者(?:${AWAY})|(?:${NO}|${LIMIT})(?:传染病|病原)?携带者`, 'g'),
  },
  // Infectious disease in general: the law allows a ban only for certain work (food, public
  // places: that is what the health certificate is for), so a human decides.
  {
    code: 'health',
    action: 'review',
    message: '以“无传染病”等健康状况为条件，需人工审核；如岗位依法需健康证，请写“需持健康证上岗”',
    pattern:
      /(?:无|没有|不能有|不得有|须无|需无|要求无)(?:任何)?(?:传染病|传染性疾病|肝炎|肺结核|结核病|性病)(?:史)?|(?:传染病|传染性疾病|肝炎|性病)(?:患者|史)?(?:勿扰|免谈|不要|除外|谢绝|不招)/g,
  },
  // Disability.
  { code: 'disability', pattern: new RegExp(`(?:残疾|残障)(?:人士|人员|人)?${AWAY}|${LIMIT}(?:残疾|残障)`, 'g') },
  { code: 'disability', pattern: /(?:限|只招|仅招|只要)(?:健全人|肢体健全|四肢健全)/g },
];

/** Age limits: a range, an upper bound, or a lower bound above 18 (年满18周岁 is child protection). */
export const AGE_PATTERNS: { pattern: RegExp; kind: 'range' | 'upper' | 'lower' }[] = [
  { kind: 'range', pattern: /(?<![\d-])(\d{2})(?:周岁|岁)?(?:-|至|到)(\d{2})(?:周岁|岁)(?:之间|以内)?/g },
  {
    kind: 'range',
    pattern: /年龄(?:要求|限|限制|需|须|在)*(?<![\d-])(\d{2})(?:周岁|岁)?(?:-|至|到)(\d{2})(?![\d-])(?:周岁|岁)?/g,
  },
  { kind: 'upper', pattern: /(?<![\d-])(\d{2})(?:周岁|岁)(?:及以下|以下|以内|之内|内)/g },
  { kind: 'upper', pattern: /(?:年龄)?(?:不超过|不大于|小于|低于|不超|未满|不满|限)(?<![\d-])(\d{2})(?:周岁|岁)/g },
  { kind: 'upper', pattern: /年龄(?:在)?(?<![\d-])(\d{2})(?:周岁|岁)?左右/g },
  { kind: 'lower', pattern: /(?<![\d-])(\d{2})(?:周岁|岁)(?:及以上|以上)(?!也可|可|均可|都可|亦可|欢迎)/g },
  { kind: 'lower', pattern: /(?:年满|满|大于|不低于|不小于|超过)(?<![\d-])(\d{2})(?:周岁|岁)/g },
];

/** Reasons that make an age limit a question for a reviewer rather than a refusal. */
export const AGE_REASON =
  /(?:因为?|由于|鉴于|涉及|属于?|系)?(?:高空作业|登高作业|高处作业|井下作业|特种作业|重体力|高强度|高温作业|夜间驾驶|驾驶|搬运重物|攀爬|安全要求|安全规定|安全考虑|保险要求|保险规定|意外险|工伤保险|体能要求|国家规定|行业规定)/g;

/** Contact details outside the platform: mobile and landline numbers, WeChat and QQ ids. */
export const CONTACT_PATTERNS: RegExp[] = [
  /(?<![\d-])1[3-9](?:-?\d){9}(?![\d])/g,
  /(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d])/g,
  /(?:qq|扣扣|企鹅号?|球球)(?:群)?(?:号码|号)?(?:是|为)?\d{5,11}/g,
  /(?:微信|威信|薇信|徽信|weixin|vx|wx|v信|加v|v号|绿泡泡)(?:号码|号)?(?:是|为|搜|同)?(?:[a-z](?:(?!qq|vx|wx)[a-z0-9]){5,19}|\d{5,11})/g,
];
