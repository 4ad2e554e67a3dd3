/**
 * Occupation tree, part 2: logistics, household, catering, repair, cleaning, driving, retail and
 * other services.
 *
 * National codes (2022 中华人民共和国职业分类大典) were filled only where the trade clearly maps to a
 * listed occupation and the code is known; everything else is null on purpose (a wrong code is
 * worse than none). Colloquial names carry the code of the official occupation they belong to
 * (e.g. 保姆 -> 家政服务员 4-10-01-06, 厨师 -> 中式烹调师 4-03-02-01, 外卖骑手 -> 网约配送员 4-02-07-10).
 */
import { defineCategory, type SeedOccupation } from './occupation-seed.js';

export const LOGISTICS = defineCategory('logistics', '物流装卸', [
  ['loader', '装卸工', '4-02-05-01', ['装车', '卸货', '力气活', '搬运']],
  ['mover', '搬运工', null, ['搬家', '搬运', '上楼', '力气活']],
  ['sorter', '分拣员', null, ['分拣', '扫码', '打包', '夜班']],
  ['courier', '快递员', '4-02-07-08', ['派件', '揽件', '电动车', '熟悉路线']],
  ['parcel-handler', '快件处理员', '4-02-07-09', ['快件分拨', '建包', '扫描', '装车']],
  ['warehouse-keeper', '仓库管理员', '4-02-06-01', ['出入库', '盘点', '台账', '电脑']],
  ['tally-clerk', '理货员', '4-02-06-02', ['理货', '点数', '上架', '补货']],
  ['food-delivery', '外卖骑手', '4-02-07-10', ['送外卖', '电动车', '导航', '跑腿']],
]);

export const HOUSEKEEPING = defineCategory('housekeeping', '家政服务', [
  ['home-cleaning', '家庭保洁', null, ['家庭清洁', '擦玻璃', '厨房清洁', '整理']],
  ['nanny', '保姆', '4-10-01-06', ['做饭', '家务', '照顾老人', '住家']],
  ['hourly-helper', '钟点工', null, ['家务', '做饭', '按小时']],
  ['maternity-nurse', '月嫂', null, ['母婴护理', '产妇护理', '新生儿护理', '住家']],
  ['infant-carer', '育婴员', '4-10-01-02', ['带孩子', '婴幼儿照护', '辅食']],
  ['care-worker', '护工', null, ['陪护', '医院陪护', '翻身', '喂饭']],
  ['elderly-carer', '养老护理员', '4-10-01-05', ['照顾老人', '生活照料', '康复协助', '养老院']],
  ['home-cook', '家庭厨师', null, ['家常菜', '做饭', '买菜']],
  ['organizer', '收纳整理员', null, ['收纳', '整理', '衣柜']],
]);

export const CATERING = defineCategory('catering', '餐饮服务', [
  ['cook', '厨师', '4-03-02-01', ['炒菜', '掌勺', '桂菜', '健康证']],
  ['pastry', '面点师', '4-03-02-02', ['包子', '馒头', '米粉', '糕点']],
  ['kitchen-helper', '帮厨', null, ['切配', '洗菜', '打荷', '健康证']],
  ['waiter', '服务员', '4-03-02-05', ['点菜', '传菜', '收台', '健康证']],
  ['dishwasher', '洗碗工', null, ['洗碗', '消毒', '清洁']],
  ['banquet-helper', '酒席帮工', null, ['红白喜事', '摆席', '上菜', '洗碗']],
  ['noodle-shop', '粉店帮工', null, ['螺蛳粉', '米粉', '煮粉', '收银']],
  ['canteen', '食堂打菜员', null, ['打菜', '食堂', '清洁', '健康证']],
  ['bbq', '烧烤师傅', null, ['烧烤', '夜宵', '串串']],
]);

export const REPAIR = defineCategory('repair', '维修安装', [
  ['electrician', '电工', '6-31-01-03', ['电工证', '接线', '配电', '维修']],
  ['air-conditioner', '空调安装工', null, ['空调安装', '移机', '加氟', '高处作业']],
  ['appliance', '家电维修工', null, ['洗衣机', '冰箱', '热水器', '维修']],
  ['motorcycle', '摩托车维修工', null, ['摩托车', '换胎', '修发动机']],
  ['car', '汽车维修工', '4-12-01-01', ['汽修', '保养', '换油', '钣金']],
  ['e-bike', '电动车维修工', null, ['电动车', '换电池', '补胎']],
  ['plumbing-repair', '水管维修工', null, ['通下水道', '换水龙头', '补漏']],
  ['security-camera', '监控安装工', null, ['监控', '布线', '调试', '网络']],
  ['burglar-grille', '防盗网安装工', null, ['防盗网', '不锈钢', '焊接', '安装']],
  ['solar-heater', '热水器安装工', null, ['太阳能', '热水器', '安装', '水管']],
  ['farm-machinery', '农机维修工', null, ['拖拉机', '收割机', '修理', '焊接']],
  ['phone', '手机维修工', null, ['手机', '换屏', '换电池']],
]);

export const CLEANING_GREENING = defineCategory('cleaning', '保洁绿化', [
  ['cleaner', '保洁员', null, ['清洁', '拖地', '垃圾清运', '物业']],
  ['deep-cleaning', '开荒保洁工', null, ['开荒', '新房清洁', '擦玻璃', '除胶']],
  ['street-sweeper', '环卫工', null, ['扫地', '道路清扫', '早班']],
  ['landscaper', '园林绿化工', null, ['种树', '草坪', '修剪', '浇水']],
  ['grass-cutter', '除草工', null, ['割草机', '除草', '打草']],
  ['waste-hauler', '垃圾清运工', null, ['垃圾清运', '装车', '分类']],
  ['facade-cleaner', '外墙清洗工', null, ['外墙清洗', '高处作业', '吊绳']],
  ['pest-control', '消杀员', null, ['消毒', '灭鼠', '杀虫', '喷药']],
]);

export const TRANSPORT = defineCategory('transport', '交通运输/驾驶', [
  ['truck-driver', '货车司机', '4-02-02-02', ['B2驾照', 'A2驾照', '货运', '熟悉路线']],
  ['forklift', '叉车司机', null, ['叉车证', '装卸', '仓库']],
  ['excavator', '挖掘机司机', '6-30-05-05', ['挖机', '挖掘机', '土方', '操作证']],
  ['loader-driver', '铲车司机', null, ['铲车', '装载机', '土方']],
  ['crane', '吊车司机', null, ['吊车', '起重机', '操作证']],
  ['van-driver', '面包车司机', null, ['C1驾照', '送货', '拉人']],
  ['bus-driver', '客车司机', null, ['A1驾照', 'B1驾照', '客运', '接送']],
  ['escort', '跟车员', null, ['跟车', '装卸', '押车']],
  ['dump-truck', '渣土车司机', null, ['渣土车', '自卸车', 'A2驾照']],
]);

export const RETAIL = defineCategory('retail', '零售与商贸', [
  ['cashier', '收银员', null, ['收银', '扫码', '找零', '对账']],
  ['promoter', '促销员', null, ['促销', '导购', '地推', '能说会道']],
  ['sales-clerk', '营业员', '4-01-02-03', ['卖货', '上架', '陈列', '收银']],
  ['shopping-guide', '导购员', null, ['导购', '推销', '开单']],
  ['live-streamer', '带货主播', '4-01-02-07', ['直播带货', '短视频', '农产品销售']],
  ['online-service', '网店客服', null, ['客服', '打字', '售后', '电脑']],
  ['produce-buyer', '农产品收购员', null, ['收购', '过秤', '记账']],
  ['fuel-attendant', '加油员', null, ['加油', '收银', '倒班']],
]);

export const OTHER = defineCategory('other', '其他', [
  ['security-guard', '保安员', '4-07-05-01', ['保安证', '巡逻', '值班', '门岗']],
  ['gatekeeper', '门卫', null, ['看门', '登记', '值夜班']],
  ['parking', '停车管理员', null, ['停车收费', '指挥车辆']],
  ['hairdresser', '美发师', null, ['理发', '剪发', '烫染']],
  ['beautician', '美容师', null, ['美容', '护肤', '美甲']],
  ['event-staff', '活动临时工作人员', null, ['会场布置', '签到', '引导', '发放物料']],
  ['etiquette', '礼仪服务员', null, ['礼仪', '迎宾', '颁奖']],
  ['tutor', '家教', null, ['辅导作业', '小学', '初中']],
  ['odd-jobs', '其他零活', null, ['零活', '跑腿', '帮忙']],
]);

export const SERVICE_OCCUPATIONS: SeedOccupation[] = [
  ...LOGISTICS,
  ...HOUSEKEEPING,
  ...CATERING,
  ...REPAIR,
  ...CLEANING_GREENING,
  ...TRANSPORT,
  ...RETAIL,
  ...OTHER,
];
