import type { MarkedRead, MessagePage, PublicPublication, PublicPublicationPage } from '@lingong/contracts';
import { shallowRef } from 'vue';
import { api } from '@shared/api';
import { appSession } from './session';

/** 消息中心 and 通知公告 calls of the mobile app (types only from the contracts). */
export const fetchMessages = (page: number, unread = false) =>
  api.get<MessagePage>('/api/v1/app/messages', { page, pageSize: 20, unread: unread ? 'true' : undefined });
export const markMessageRead = (id: string) => api.post<MarkedRead>(`/api/v1/app/messages/${id}/read`);
export const markAllMessagesRead = () => api.post<MarkedRead>('/api/v1/app/messages/read-all');

/** The unread count shown on the tab bar; refreshed on navigation and after reading. */
export const unreadCount = shallowRef(0);
export async function refreshUnread(): Promise<void> {
  const user = await appSession.ensure().catch(() => null);
  if (!user) {
    unreadCount.value = 0;
    return;
  }
  try {
    unreadCount.value = (await api.get<{ unread: number }>('/api/v1/app/messages/unread-count')).unread;
  } catch {
    // The badge is a hint; a failed refresh keeps the last value.
  }
}

export const fetchNotices = (channel: 'banner' | 'notice', pageSize = 5) =>
  api.get<PublicPublicationPage>('/api/v1/public/publications', { channel, pageSize });
export const fetchNotice = (id: string) => api.get<PublicPublication>(`/api/v1/public/publications/${id}`);
