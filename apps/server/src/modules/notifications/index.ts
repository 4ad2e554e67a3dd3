import { defineModule } from '../../platform/http/module-plugin.js';
import { registerNotificationRoutes } from './notifications.routes.js';
// 消息中心: in-app messages, with SMS for the key events through the durable queue.
export { notify, notifyOnce, type NotifyInput, type NotificationKind } from './notify.js';

/** The notifications module as a Fastify plugin: all its routes. */
export const notificationsModule = defineModule('notifications', [registerNotificationRoutes]);
