import { defineModule } from '../../platform/http/module-plugin.js';
import { registerAgreementRoutes } from './agreements.routes.js';
// 工作协议: generated on hire inside the hiring transaction; ended by cancellation or completion.
export { generateAgreement, terminateAgreement, fulfilAgreement, agreementSummaryOf } from './agreements.service.js';

export { provideApplicationLinks } from './application-links.js';

/** The agreements module as a Fastify plugin: all its routes. */
export const agreementsModule = defineModule('agreements', [registerAgreementRoutes]);
