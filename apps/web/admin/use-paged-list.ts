import { ref, shallowRef, watch, type Ref } from 'vue';
import { errorMessage } from '@shared/api';
import type { Paged } from '@shared/types';

/** A server-paged table: reloads when page, page size or any watched filter changes. */
export function usePagedList<T>(options: {
  fetch: (query: { page: number; pageSize: number }) => Promise<Paged<T>>;
  filters?: Ref<unknown>[];
  pageSize?: number;
}) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const res = await options.fetch({ page: page.value, pageSize: pageSize.value });
      if (mine !== seq) return;
      items.value = res.items;
      total.value = res.total;
    } catch (err) {
      if (mine === seq) error.value = errorMessage(err);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  watch([page, pageSize], load);
  if (options.filters?.length) {
    watch(options.filters, () => {
      if (page.value === 1) void load();
      else page.value = 1;
    });
  }

  return { items, total, page, pageSize, loading, error, load };
}
