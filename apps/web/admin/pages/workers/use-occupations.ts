import { shallowRef } from 'vue';
import type { Occupation } from '@lingong/contracts';
import { listPublicOccupations } from '../../api/reference/occupations';

const cache = shallowRef<Occupation[]>([]);

/** The selectable 工种 (leaves of the tree), loaded once per page session. */
export function useOccupations() {
  if (cache.value.length === 0) {
    listPublicOccupations()
      .then((r) => (cache.value = r.items.filter((o) => !o.category)))
      .catch(() => undefined);
  }
  return cache;
}
