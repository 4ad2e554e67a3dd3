// 评价: the ratings module's face.
export { revealDueRatings, countFlaggedRatings } from './ratings.service.js';
export { registerRatingRoutes } from './ratings.routes.js';
export { ratings } from './ratings.schema.js';
