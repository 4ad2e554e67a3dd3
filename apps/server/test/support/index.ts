// The one set of server-test helpers: the app on a fresh database (`createTestApp`, with
// `ctx.as(token)` / `ctx.anon` requests), the core makers of factories.ts (`makeStaff`/`staffToken`,
// `appUser`, `makeWorker`, `makeEmployer`, `makeJob`) and the module-specific helpers built on them
// (API flows such as `postJob`, `hiredGig`, `appWorker`; rows of one module). Tests import from here.
export * from './test-app.js';
export * from './http.js';
export * from './factories.js';
export * from './application-factories.js';
export * from './credit-factories.js';
export * from './employer-drawer-factories.js';
export * from './exchange-factories.js';
export * from './gig-factories.js';
export * from './grievance-factories.js';
export * from './import-factories.js';
export * from './notification-factories.js';
export * from './pdf-streams.js';
export * from './profile-factories.js';
export * from './public-services-factories.js';
export * from './services-factories.js';
export * from './training-factories.js';
export * from './test-db.js';
export * from './monitoring-factories.js';
export * from './wage-case-factories.js';
