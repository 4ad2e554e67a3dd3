import { defineModule } from '../../platform/http/module-plugin.js';
import { registerProfileRoutes } from './profiles.routes.js';
// 画像管理: staff tags, saved segments (push targets) and the profile views.
export { resolveSegment, segmentRegion, SEGMENT_MAX_MEMBERS } from './profiles.service.js';
export { workerTags, workerSegments } from './profiles.schema.js';

/** The profiles module as a Fastify plugin: all its routes. */
export const profilesModule = defineModule('profiles', [registerProfileRoutes]);
