import { defineModule } from '../../platform/http/module-plugin.js';
import { registerRatingRoutes } from './ratings.routes.js';
// 评价: the ratings module's face.
export { revealDueRatings, countFlaggedRatings } from './ratings.service.js';
export { ratings } from './ratings.schema.js';

/** The ratings module as a Fastify plugin: all its routes. */
export const ratingsModule = defineModule('ratings', [registerRatingRoutes]);
