import { defineModule } from '../../platform/http/module-plugin.js';
import { registerReviewQueueRoutes } from './review-queues.routes.js';
// The review-queues module's face.

/** The review-queues module as a Fastify plugin: all its routes. */
export const reviewQueuesModule = defineModule('review-queues', [registerReviewQueueRoutes]);
