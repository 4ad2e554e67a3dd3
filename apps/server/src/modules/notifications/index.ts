import { defineModule } from '../../platform/http/module-plugin.js';
import { registerNotificationRoutes } from './notifications.routes.js';
import { registerStaffMessageRoutes } from './staff-messages.routes.js';
// 消息中心: in-app messages, with SMS for the key events through the durable queue; and the
// console message centre of the staff (工作人员消息).
export { notify, notifyOnce, type NotifyInput, type NotificationKind } from './notify.js';
export { notifyStaff, type StaffNotifyInput } from './staff-messages.js';

/** The notifications module as a Fastify plugin: all its routes. */
export const notificationsModule = defineModule('notifications', [
  registerNotificationRoutes,
  registerStaffMessageRoutes,
]);
