/**
 * Occupation tree, part 1: construction, farming, forestry and factory work.
 *
 * National codes (2022 中华人民共和国职业分类大典) were filled only where the trade clearly maps to a
 * listed occupation and the code is known; everything else is null on purpose (a wrong code is
 * worse than none). Colloquial trade names that map to a broader official occupation carry that
 * occupation's code (e.g. 泥水工 -> 砌筑工 6-29-01-01, 电焊工 -> 焊工 6-18-02-04).
 */
import { defineCategory, type SeedOccupation } from './occupation-seed.js';

export const CONSTRUCTION = defineCategory('construction', '建筑装修', [
  ['bricklayer', '泥水工', '6-29-01-01', ['砌砖', '抹灰', '批荡', '贴砖']],
  ['rebar', '钢筋工', '6-29-01-04', ['钢筋绑扎', '钢筋下料', '看图']],
  ['carpenter', '木工', null, ['支模', '模板', '木作', '吊顶']],
  ['concrete', '混凝土工', '6-29-01-03', ['浇筑', '振捣', '收面', '养护']],
  ['scaffolder', '架子工', '6-29-01-05', ['搭架', '拆架', '高处作业', '登高证']],
  ['welder', '电焊工', '6-18-02-04', ['电焊', '气割', '氩弧焊', '焊工证']],
  ['plumber-electrician', '水电工', null, ['水电安装', '布线', '水管', '开槽']],
  ['painter', '油漆工', null, ['刷漆', '乳胶漆', '腻子', '打磨']],
  ['tiler', '贴砖工', null, ['瓷砖', '铺地砖', '贴墙砖', '美缝']],
  ['decorator', '装饰装修工', '6-29-04-01', ['室内装修', '隔墙', '吊顶', '石膏板']],
  ['waterproofer', '防水工', '6-29-02-08', ['防水', '补漏', '卷材', '涂膜']],
  ['window-installer', '门窗安装工', '6-29-04-02', ['铝合金门窗', '安装', '打胶']],
  ['rural-craftsman', '乡村建设工匠', '6-29-01-07', ['农房建设', '砌筑', '看图', '自建房']],
  ['plasterer', '抹灰工', null, ['抹灰', '找平', '批荡']],
  ['steel-structure', '钢结构安装工', null, ['钢结构', '彩钢瓦', '焊接', '高处作业']],
  ['general-labourer', '小工/杂工', null, ['搬砖', '拌砂浆', '清理', '力气活']],
]);

export const AGRICULTURE = defineCategory('agriculture', '农业及季节性农活', [
  ['sugarcane-cutter', '砍蔗工', null, ['砍甘蔗', '剥叶', '捆蔗', '榨季']],
  ['sugarcane-planter', '甘蔗种植工', null, ['种蔗', '下种', '培土', '施肥']],
  ['sugarcane-loader', '甘蔗装车工', null, ['装车', '扛蔗', '力气活', '榨季']],
  ['citrus-picker', '沙糖桔采摘工', null, ['沙糖桔', '柑橘', '采摘', '剪果']],
  ['orchard-picker', '果园采摘工', null, ['采摘', '水果', '分拣', '装筐']],
  ['orchard-keeper', '果园管护工', null, ['修枝', '疏果', '套袋', '施肥']],
  ['rice-transplanter', '插秧工', null, ['插秧', '抛秧', '育秧', '水田']],
  ['rice-harvester', '水稻收割工', null, ['割稻', '打谷', '晒谷', '装袋']],
  ['farm-hand', '农艺工', '5-01-02-01', ['耕地', '播种', '除草', '施肥']],
  ['horticulture', '园艺工', '5-01-02-02', ['蔬菜种植', '育苗', '大棚', '采收']],
  ['machine-operator', '农机手', '5-05-05-01', ['拖拉机', '收割机', '旋耕', '农机操作']],
  ['crop-protection', '农作物植保员', '5-05-02-01', ['打药', '植保', '病虫防治', '无人机飞防']],
  ['mushroom', '食用菌生产工', '5-01-02-03', ['食用菌', '菌棒', '采菇', '大棚']],
  ['sericulture', '桑蚕养殖工', null, ['养蚕', '摘桑叶', '上蔟', '摘茧']],
  ['livestock', '家畜饲养员', '5-03-02-01', ['养猪', '养牛', '养羊', '喂料']],
  ['poultry', '家禽饲养员', '5-03-02-02', ['养鸡', '养鸭', '捡蛋', '喂料']],
  ['fish-farmer', '水产养殖工', '5-04-02-01', ['养鱼', '投喂', '捕鱼', '鱼塘']],
  ['produce-packer', '果蔬分级包装工', '5-05-06-01', ['分级', '挑果', '装箱', '打包']],
]);

export const FORESTRY = defineCategory('forestry', '林业', [
  ['afforestation', '造林工', '5-02-02-00', ['挖坑', '种树', '补植', '整地']],
  ['tending', '森林抚育工', '5-02-03-02', ['砍杂', '除草', '修枝', '施肥']],
  ['eucalyptus-cutter', '桉树砍伐工', '5-02-04-01', ['油锯', '砍树', '剥皮', '截段']],
  ['log-loader', '集材装车工', '5-02-04-02', ['集材', '装车', '扛木', '力气活']],
  ['resin-tapper', '松脂采割工', null, ['割松脂', '收松脂', '上山']],
  ['camellia-picker', '油茶采摘工', null, ['油茶', '摘茶果', '晒果']],
  ['star-anise-picker', '八角采摘工', null, ['八角', '采摘', '晒八角']],
  ['seedling', '林木育苗工', null, ['育苗', '苗圃', '装袋', '浇水']],
  ['brush-cutter', '割灌工', null, ['割灌机', '砍杂草', '炼山', '林地清理']],
]);

export const MANUFACTURING = defineCategory('manufacturing', '工厂制造', [
  ['general-worker', '普工', null, ['流水线', '倒班', '吃苦耐劳']],
  ['machine-operator', '操作工', null, ['设备操作', '看机', '倒班']],
  ['quality-inspector', '质检员', null, ['质检', '检验', '记录', '识图']],
  ['sewing', '缝纫工', null, ['平车', '车缝', '服装', '箱包']],
  ['packer', '包装工', null, ['打包', '装箱', '封箱', '贴标']],
  ['wood-panel', '木材加工工', null, ['旋切', '单板', '胶合板', '烘干']],
  ['sugar-mill', '糖厂季节工', null, ['制糖', '榨季', '倒班', '卸蔗']],
  ['furniture', '家具制作工', '6-06-04-00', ['家具', '开料', '封边', '组装']],
  ['lathe', '车工', '6-18-01-01', ['车床', '数控', '机加工', '识图']],
  ['assembler', '装配工', null, ['装配', '组装', '拧螺丝', '流水线']],
  ['carton', '纸箱纸盒制作工', '6-07-02-00', ['纸箱', '模切', '钉箱', '糊盒']],
  ['food-processing', '食品加工工', null, ['食品', '分拣', '清洗', '健康证']],
]);

export const PRODUCTION_OCCUPATIONS: SeedOccupation[] = [
  ...CONSTRUCTION,
  ...AGRICULTURE,
  ...FORESTRY,
  ...MANUFACTURING,
];
