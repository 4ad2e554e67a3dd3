import { createRouter, createWebHistory } from 'vue-router';
import { appSession } from './session';
import TabLayout from './TabLayout.vue';
import JobsPage from './pages/JobsPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean;
    title?: string;
  }
}

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录' } },
    {
      path: '/',
      component: TabLayout,
      children: [
        { path: '', redirect: '/jobs' },
        { path: 'jobs', component: JobsPage, meta: { title: '找活' } },
        { path: 'stations', component: () => import('./pages/StationsPage.vue'), meta: { title: '零工驿站' } },
        {
          path: 'messages',
          component: () => import('./pages/MessagesPage.vue'),
          meta: { title: '消息', requiresAuth: true },
        },
        { path: 'me', component: () => import('./pages/MePage.vue'), meta: { title: '我的', requiresAuth: true } },
      ],
    },
    { path: '/map', component: () => import('./pages/MapPage.vue'), meta: { title: '岗位地图' } },
    { path: '/jobs/:id', component: () => import('./pages/JobDetailPage.vue'), meta: { title: '岗位详情' } },
    { path: '/notices/:id', component: () => import('./pages/NoticeDetailPage.vue'), meta: { title: '通知公告' } },
    {
      path: '/me/profile',
      component: () => import('./pages/profile/ProfilePage.vue'),
      meta: { title: '我的画像', requiresAuth: true },
    },
    {
      path: '/me/applications',
      component: () => import('./pages/applications/MyApplicationsPage.vue'),
      meta: { title: '我的报名', requiresAuth: true },
    },
    {
      path: '/me/recommended-jobs',
      component: () => import('./pages/applications/RecommendedJobsPage.vue'),
      meta: { title: '为我推荐', requiresAuth: true },
    },
    {
      path: '/employer/jobs/:id/applicants',
      component: () => import('./pages/applications/JobApplicantsPage.vue'),
      meta: { title: '报名与推荐', requiresAuth: true },
    },
    {
      path: '/employer',
      component: () => import('./pages/employer/EmployerHomePage.vue'),
      meta: { title: '我是雇主', requiresAuth: true },
    },
    {
      path: '/employer/wages',
      component: () => import('./pages/wages/EmployerWagesPage.vue'),
      meta: { title: '待结算', requiresAuth: true },
    },
    {
      path: '/employer/register',
      component: () => import('./pages/employer/EmployerRegisterPage.vue'),
      meta: { title: '登记用工主体', requiresAuth: true },
    },
    {
      path: '/employer/:employerId/jobs',
      component: () => import('./pages/employer/EmployerJobsPage.vue'),
      meta: { title: '我的岗位', requiresAuth: true },
    },
    {
      path: '/employer/:employerId/jobs/new',
      component: () => import('./pages/employer/JobFormPage.vue'),
      meta: { title: '发布岗位', requiresAuth: true },
    },
    {
      path: '/employer/jobs/:id/edit',
      component: () => import('./pages/employer/JobFormPage.vue'),
      meta: { title: '修改岗位', requiresAuth: true },
    },
    {
      path: '/applications/:id',
      component: () => import('./pages/gig/ApplicationDetailPage.vue'),
      meta: { title: '用工详情', requiresAuth: true },
    },
    {
      path: '/checkin',
      component: () => import('./pages/gig/CheckinPage.vue'),
      meta: { title: '扫码签到', requiresAuth: true },
    },
    {
      path: '/employer/jobs/:id/checkin-qr',
      component: () => import('./pages/gig/CheckinQrPage.vue'),
      meta: { title: '签到二维码', requiresAuth: true },
    },
    { path: '/verify', component: () => import('./pages/gig/VerifyPage.vue'), meta: { title: '协议验证' } },
    {
      path: '/rate/:id',
      component: () => import('./pages/credit/RatePage.vue'),
      meta: { title: '评价', requiresAuth: true },
    },
    {
      path: '/me/credit',
      component: () => import('./pages/credit/MyCreditPage.vue'),
      meta: { title: '我的信用', requiresAuth: true },
    },
    {
      path: '/applications/:id/grievance',
      component: () => import('./pages/grievances/FileGrievancePage.vue'),
      meta: { title: '我要投诉', requiresAuth: true },
    },
    {
      path: '/me/wages',
      component: () => import('./pages/wages/MyWagesPage.vue'),
      meta: { title: '我的工钱', requiresAuth: true },
    },
    {
      path: '/me/grievances',
      component: () => import('./pages/grievances/MyGrievancesPage.vue'),
      meta: { title: '我的投诉', requiresAuth: true },
    },
    {
      path: '/grievances/:id',
      component: () => import('./pages/grievances/MyGrievancesPage.vue'),
      meta: { title: '投诉详情', requiresAuth: true },
    },
    {
      path: '/employer/:employerId/credit',
      component: () => import('./pages/credit/MyCreditPage.vue'),
      meta: { title: '单位信用', requiresAuth: true },
    },
    { path: '/:pathMatch(.*)*', redirect: '/jobs' },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  if (!to.meta.requiresAuth) return true;
  const user = await appSession.ensure().catch(() => null);
  return user ? true : { path: '/login', query: { redirect: to.fullPath } };
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 鹿寨县零工市场` : '鹿寨县零工市场';
});
