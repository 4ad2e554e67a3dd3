import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import type { ScreenSummary } from '@lingong/contracts';
import { api } from '@shared/api';
import { fetchPublicJobs } from '@shared/reference';
import { formatDateTime } from '@shared/format';
import type { PublicJob } from '@shared/types';

const REFRESH_MS = 30_000;
/** After a failed refresh, try again sooner, and keep showing the last figures meanwhile. */
const RETRY_MS = 10_000;
const CACHE_KEY = 'lingong.screen.v1';

type Snapshot = { summary: ScreenSummary; jobs: PublicJob[]; jobTotal: number; fetchedAt: string };

function readCache(): Snapshot | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as Snapshot) : null;
  } catch {
    return null;
  }
}

/**
 * The screen's data by polling: every 30 s, or 10 s after a failure. A failed refresh (network
 * drop, server restart) keeps the last figures on screen and marks them stale; the last good
 * snapshot is also kept in localStorage, so a reload during the drop does not go blank.
 */
export function useScreenData() {
  const cached = readCache();
  const snapshot = shallowRef<Snapshot | null>(cached);
  const online = ref(true);
  const fetchedAt = ref(cached ? formatDateTime(cached.fetchedAt) : '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let busy = false;

  async function refresh(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      const [summary, jobs] = await Promise.all([
        api.get<ScreenSummary>('/api/v1/public/screen/summary'),
        fetchPublicJobs({ page: 1, pageSize: 40 }),
      ]);
      const next: Snapshot = { summary, jobs: jobs.items, jobTotal: jobs.total, fetchedAt: new Date().toISOString() };
      snapshot.value = next;
      online.value = true;
      fetchedAt.value = formatDateTime(next.fetchedAt);
      try {
        localStorage.setItem(CACHE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the screen still works from memory.
      }
    } catch {
      online.value = false;
    } finally {
      busy = false;
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(() => void refresh(), online.value ? REFRESH_MS : RETRY_MS);
    }
  }

  /** The browser says the network is back (or changed): refresh now instead of at the next tick. */
  const onOnline = (): void => {
    clearTimeout(timer);
    void refresh();
  };
  onMounted(() => {
    window.addEventListener('online', onOnline);
    void refresh();
  });
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
  });
  return { snapshot, online, fetchedAt, refresh };
}
