import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Permission } from '@lingong/contracts';
import ConsoleLayout from './layout/ConsoleLayout.vue';
import { NAV_ITEMS } from './nav';
import { can, staffSession } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    permission?: Permission;
    public?: boolean;
  }
}

const PAGES: Record<string, () => Promise<unknown>> = {
  '/': () => import('./pages/DashboardPage.vue'),
  '/workers': () => import('./pages/WorkersPage.vue'),
  '/employers': () => import('./pages/EmployersPage.vue'),
  '/stations': () => import('./pages/StationsPage.vue'),
  '/occupations': () => import('./pages/OccupationsPage.vue'),
  '/sensitive-words': () => import('./pages/SensitiveWordsPage.vue'),
  '/staff': () => import('./pages/StaffPage.vue'),
  '/audit': () => import('./pages/AuditPage.vue'),
  '/config': () => import('./pages/SettingsPage.vue'),
  '/agreement-templates': () => import('./pages/AgreementTemplatesPage.vue'),
  '/kpi': () => import('./pages/KpiPage.vue'),
  '/monitoring': () => import('./pages/MonitoringPage.vue'),
  '/ledgers': () => import('./pages/LedgersPage.vue'),
  '/training': () => import('./pages/TrainingPage.vue'),
  '/events': () => import('./pages/EventsPage.vue'),
  '/publicity': () => import('./pages/PublicityPage.vue'),
  '/collection': () => import('./pages/CollectionPage.vue'),
  '/operations': () => import('./pages/OperationsPage.vue'),
  '/jobs': () => import('./pages/JobsPage.vue'),
  '/jobs/review': () => import('./pages/JobReviewPage.vue'),
  '/profiles': () => import('./pages/ProfilesPage.vue'),
  '/certificates': () => import('./pages/CertificatesPage.vue'),
  '/publications': () => import('./pages/PublicationsPage.vue'),
  '/credit': () => import('./pages/CreditPage.vue'),
  '/grievances': () => import('./pages/GrievancesPage.vue'),
  '/wages': () => import('./pages/WagesPage.vue'),
  '/exchange': () => import('./pages/ExchangePage.vue'),
};

const navRoutes: RouteRecordRaw[] = NAV_ITEMS.map((item) => ({
  path: item.path === '/' ? '' : item.path.slice(1),
  component: PAGES[item.path] ?? (() => import('./pages/PlaceholderPage.vue')),
  props: item.upcoming ? { title: item.title, upcoming: item.upcoming } : undefined,
  meta: { title: item.title, permission: item.permission },
}));

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录', public: true } },
    { path: '/mfa-setup', component: () => import('./pages/MfaSetupPage.vue'), meta: { title: '绑定身份验证器' } },
    {
      path: '/collect',
      component: () => import('./pages/CollectMobilePage.vue'),
      meta: { title: '入户采集', permission: 'services.write' },
    },
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        ...navRoutes,
        {
          path: '403',
          name: 'forbidden',
          component: () => import('./pages/ForbiddenPage.vue'),
          meta: { title: '无权访问' },
        },
        { path: ':pathMatch(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } },
      ],
    },
  ],
});

router.beforeEach(async (to) => {
  const user = await staffSession.ensure().catch(() => null);
  if (to.meta.public) return user && to.path === '/login' ? '/' : true;
  if (!user) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (user.totpRequired && !user.totpEnabled) return to.path === '/mfa-setup' ? true : '/mfa-setup';
  if (to.path === '/mfa-setup') return true;
  if (can(user, to.meta.permission)) return true;
  // Home is not permitted: land on the first page the user may open instead.
  if (to.path === '/') {
    const first = NAV_ITEMS.find((item) => can(user, item.permission));
    if (first) return first.path;
  }
  return { name: 'forbidden', query: { from: to.fullPath } };
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 鹿寨县零工市场 管理后台` : '鹿寨县零工市场 管理后台';
});
