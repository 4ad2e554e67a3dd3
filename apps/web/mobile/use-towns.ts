import { computed, onMounted, ref } from 'vue';
import type { Region } from '@lingong/contracts';
import { loadTowns } from '@shared/reference';

/** The county's towns as picker options. */
export function useTownOptions() {
  const towns = ref<Region[]>([]);
  onMounted(() => {
    loadTowns()
      .then((t) => (towns.value = t))
      .catch(() => undefined);
  });
  return computed(() => towns.value.map((t) => ({ text: t.name, value: t.code })));
}
