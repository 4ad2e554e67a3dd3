import type { DictionaryEntry } from './matcher.js';

/**
 * Starter dictionary by category. Staff extend it in the console (敏感词管理); the categories
 * follow what recruitment-platform reviewers actually block: illegal work, fraud bait (fees,
 * deposits, brushing orders), vulgar content and attempts to move contact off the platform.
 */
const group = (category: string, action: DictionaryEntry['action'], words: string[]): DictionaryEntry[] =>
  words.map((word) => ({ word, category, action }));

export const SEED_SENSITIVE_WORDS: DictionaryEntry[] = [
  ...group('illegal', 'block', [
    '赌博',
    '网络赌博',
    '代孕',
    '办假证',
    '假证',
    '枪支',
    '毒品',
    '卖淫',
    '传销',
    '洗钱',
    '套现',
    '跑分',
    '裸贷',
    '贩卖个人信息',
    '非法集资',
  ]),
  ...group('fraud', 'block', [
    '刷单',
    '刷信誉',
    '先交钱',
    '先交费',
    '交押金',
    '收押金',
    '入职费',
    '服装费',
    '体检费代收',
    '日赚千元',
    '轻松月入过万',
    '躺赚',
    '高额返利',
    '内部渠道',
  ]),
  ...group('fraud', 'review', ['押金', '保证金', '培训费', '垫付', '返利', '兼职打字员', '高薪']),
  ...group('vulgar', 'block', ['陪酒', '陪睡', '色情', '裸聊', '援交', '特殊服务', '夜场公主']),
  ...group('contact_bypass', 'mask', ['加微信', '加我微信', '微信号', '加v', 'vx', 'qq号', '加qq', '私聊', '扫码进群']),
  ...group('discrimination', 'block', ['乙肝勿扰', '乙肝携带者勿扰', '残疾人勿扰', '农村人勿扰']),
];
