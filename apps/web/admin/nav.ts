import type { Component } from 'vue';
import type { Permission } from '@lingong/contracts';
import {
  Briefcase,
  Wallet,
  Collection,
  DocumentChecked,
  Filter,
  HomeFilled,
  List,
  Location,
  OfficeBuilding,
  Setting,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import { DataLine, Notebook } from '@element-plus/icons-vue';
import { Flag, Reading } from '@element-plus/icons-vue';
import { PriceTag, Stamp } from '@element-plus/icons-vue';
import { Promotion } from '@element-plus/icons-vue';
import { Calendar, House, Notification } from '@element-plus/icons-vue';
import { Medal } from '@element-plus/icons-vue';
import { Document } from '@element-plus/icons-vue';
import { ChatLineSquare } from '@element-plus/icons-vue';
import { Connection } from '@element-plus/icons-vue';
import { TrendCharts } from '@element-plus/icons-vue';

export interface NavItem {
  path: string;
  title: string;
  permission: Permission;
  icon: Component;
  /** What a later release brings to a page that is still a placeholder. */
  upcoming?: string;
}

/** The side menu, in order; each entry is also a route guarded by its permission. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', title: '首页', permission: 'dashboard.read', icon: HomeFilled },
  { path: '/kpi', title: '考核指标', permission: 'dashboard.read', icon: DataLine },
  { path: '/monitoring', title: '供需监测', permission: 'dashboard.read', icon: TrendCharts },
  { path: '/ledgers', title: '服务台账', permission: 'dashboard.read', icon: Notebook },
  { path: '/training', title: '培训推介', permission: 'dashboard.read', icon: Reading },
  { path: '/events', title: '招聘活动', permission: 'dashboard.read', icon: Flag },
  { path: '/publicity', title: '宣传推广', permission: 'dashboard.read', icon: Notification },
  { path: '/collection', title: '信息采集', permission: 'dashboard.read', icon: House },
  { path: '/operations', title: '运营日志', permission: 'dashboard.read', icon: Calendar },
  { path: '/workers', title: '雇员管理', permission: 'workers.read', icon: User },
  {
    path: '/employers',
    title: '雇主管理',
    permission: 'employers.read',
    icon: OfficeBuilding,
  },
  { path: '/jobs', title: '岗位管理', permission: 'jobs.read', icon: Briefcase },
  { path: '/jobs/review', title: '岗位审核', permission: 'jobs.review', icon: DocumentChecked },
  { path: '/profiles', title: '画像管理', permission: 'workers.read', icon: PriceTag },
  { path: '/certificates', title: '证书审核', permission: 'workers.read', icon: Stamp },
  { path: '/stations', title: '零工驿站', permission: 'stations.read', icon: Location },
  { path: '/occupations', title: '工种管理', permission: 'dashboard.read', icon: Collection },
  { path: '/credit', title: '诚信管理', permission: 'credit.read', icon: Medal },
  { path: '/grievances', title: '投诉处理', permission: 'grievances.read', icon: ChatLineSquare },
  { path: '/wages', title: '薪酬台账', permission: 'wages.read', icon: Wallet },
  { path: '/sensitive-words', title: '敏感词管理', permission: 'moderation.read', icon: Filter },
  { path: '/publications', title: '统一发布', permission: 'dashboard.read', icon: Promotion },
  { path: '/exchange', title: '数据交换', permission: 'exchange.read', icon: Connection },
  { path: '/staff', title: '人员与角色', permission: 'staff.read', icon: UserFilled },
  { path: '/audit', title: '审计日志', permission: 'audit.read', icon: List },
  { path: '/config', title: '系统配置', permission: 'config.write', icon: Setting },
  { path: '/agreement-templates', title: '协议模板', permission: 'config.write', icon: Document },
];
