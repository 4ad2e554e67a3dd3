import { ref, type Ref } from 'vue';
import { errorMessage } from '@shared/api';

/** One page of a paged list as the server returns it. */
export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
}

/**
 * A Vant `List` that loads page after page, inside a `PullRefresh`: bind `loading`, `failed`
 * (v-model:error), `finished`, `failText` and `refreshing`; call `reload` when a filter changes.
 * `onPage` sees each response (for extras such as an unread count).
 */
export function useInfiniteList<R extends ListPage<unknown>>(options: {
  fetch: (page: number) => Promise<R>;
  onPage?: (res: R) => void;
}) {
  const items = ref([]) as Ref<R['items']>;
  const total = ref(0);
  const loading = ref(false);
  const finished = ref(false);
  const failed = ref(false);
  const failText = ref('');
  const refreshing = ref(false);
  let page = 0;

  async function loadMore(): Promise<void> {
    loading.value = true;
    try {
      const res = await options.fetch(page + 1);
      page = res.page;
      items.value = page === 1 ? res.items : [...items.value, ...res.items];
      total.value = res.total;
      options.onPage?.(res);
      finished.value = items.value.length >= res.total || res.items.length === 0;
    } catch (err) {
      failed.value = true;
      failText.value = `${errorMessage(err)}，点击重试`;
    } finally {
      loading.value = false;
    }
  }

  async function reload(): Promise<void> {
    page = 0;
    items.value = [];
    finished.value = false;
    failed.value = false;
    await loadMore();
    refreshing.value = false;
  }

  return { items, total, loading, finished, failed, failText, refreshing, loadMore, reload };
}
