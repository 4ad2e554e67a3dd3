import { defineModule } from '../../platform/http/module-plugin.js';
import { registerReviewQueueRoutes } from './review-queues.routes.js';
import { provideEmployerActivity } from '../employers/index.js';
import { findHires, findRatingsReceived } from './employer-activity.repository.js';
// The review-queues module's face.

/** The reads behind the 雇主管理 drawer (hires, ratings received), provided to employers. */
export type EmployerActivityReads = { findHires: typeof findHires; findRatingsReceived: typeof findRatingsReceived };
provideEmployerActivity({ findHires, findRatingsReceived });

/** The review-queues module as a Fastify plugin: all its routes. */
export const reviewQueuesModule = defineModule('review-queues', [registerReviewQueueRoutes]);
