import { defineModule } from '../../platform/http/module-plugin.js';
import { registerAttendanceRoutes } from './attendance.routes.js';
// 考勤与完工: other modules (settlement ledgers) may read the confirmed amount due.
export { findCompletion, type CompletionRow } from './attendance.repository.js';
export { distanceMetres } from './attendance-rules.js';

/** The attendance module as a Fastify plugin: all its routes. */
export const attendanceModule = defineModule('attendance', [registerAttendanceRoutes]);
