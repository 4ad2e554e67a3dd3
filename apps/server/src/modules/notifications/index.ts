// 消息中心: in-app messages, with SMS for the key events through the durable queue.
export { notify, notifyOnce, type NotifyInput, type NotificationKind } from './notify.js';
