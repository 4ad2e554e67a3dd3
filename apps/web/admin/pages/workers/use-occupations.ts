import { shallowRef } from 'vue';
import type { Occupation } from '@lingong/contracts';
import { api } from '@shared/api';

const cache = shallowRef<Occupation[]>([]);

/** The selectable 工种 (leaves of the tree), loaded once per page session. */
export function useOccupations() {
  if (cache.value.length === 0) {
    api
      .get<{ items: Occupation[] }>('/api/v1/public/occupations')
      .then((r) => (cache.value = r.items.filter((o) => !o.category)))
      .catch(() => undefined);
  }
  return cache;
}
