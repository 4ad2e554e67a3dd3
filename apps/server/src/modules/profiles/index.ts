// 画像管理: staff tags, saved segments (push targets) and the profile views.
export { resolveSegment, segmentRegion, SEGMENT_MAX_MEMBERS } from './profiles.service.js';
export { workerTags, workerSegments } from './profiles.schema.js';
