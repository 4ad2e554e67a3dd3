import { computed, ref } from 'vue';

export type PeriodMode = 'year' | 'h1' | 'h2' | 'month' | 'range';

const thisYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/** The period picker's state and the query it sends (year / half / month, or a day range). */
export function usePeriod() {
  const mode = ref<PeriodMode>('year');
  const year = ref(thisYear);
  const month = ref(1);
  const range = ref<[string, string] | null>(null);
  const town = ref('');
  const years = Array.from({ length: 4 }, (_, i) => thisYear - i);

  const query = computed(() => {
    const base = { town: town.value || undefined };
    if (mode.value === 'range' && range.value) return { ...base, from: range.value[0], to: range.value[1] };
    if (mode.value === 'h1') return { ...base, year: year.value, half: 1 };
    if (mode.value === 'h2') return { ...base, year: year.value, half: 2 };
    if (mode.value === 'month') return { ...base, year: year.value, month: month.value };
    return { ...base, year: year.value };
  });

  return { mode, year, month, range, town, years, query };
}
