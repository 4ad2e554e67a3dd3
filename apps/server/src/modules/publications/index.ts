// 统一发布系统: what other modules (and the background runner) may call.
export { publications, publicationLogs } from './publications.schema.js';
export { runPublicationSchedule } from './publications.service.js';
