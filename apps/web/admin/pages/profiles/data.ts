import type { QueryValue } from '@shared/api';

/** The editable segment filter of the 画像 page (mirrors the contract's SegmentFilter). */
export type FilterForm = {
  towns: string[];
  occupationIds: string[];
  priorityGroups: string[];
  priorityGroupMode: 'declared' | 'verified';
  tags: string[];
  ageMin: number | null;
  ageMax: number | null;
};

export const emptyFilter = (): FilterForm => ({
  towns: [],
  occupationIds: [],
  priorityGroups: [],
  priorityGroupMode: 'declared',
  tags: [],
  ageMin: null,
  ageMax: null,
});

/** The filter as list query parameters (lists comma-separated). */
export function filterQuery(f: FilterForm): Record<string, QueryValue> {
  return {
    towns: f.towns.join(','),
    occupationIds: f.occupationIds.join(','),
    priorityGroups: f.priorityGroups.join(','),
    priorityGroupMode: f.priorityGroups.length > 0 ? f.priorityGroupMode : undefined,
    tags: f.tags.join(','),
    ageMin: f.ageMin ?? undefined,
    ageMax: f.ageMax ?? undefined,
  };
}

export const PRIORITY_STATUS_LABELS: Record<string, string> = {
  none: '未申报',
  pending: '待核验',
  verified: '已核验',
  rejected: '未通过',
};
export const PRIORITY_STATUS_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger'> = {
  none: 'info',
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
};

/** A one-line Chinese summary of a segment filter. */
export function describeFilter(
  f: FilterForm,
  names: { town: (c: string) => string; occupation: (id: string) => string },
): string {
  const parts: string[] = [];
  if (f.towns.length) parts.push(f.towns.map(names.town).join('、'));
  if (f.occupationIds.length) parts.push(f.occupationIds.map(names.occupation).join('、'));
  if (f.priorityGroups.length)
    parts.push(`${f.priorityGroups.join('、')}（${f.priorityGroupMode === 'verified' ? '已核验' : '自报'}）`);
  if (f.tags.length) parts.push(`标签：${f.tags.join('、')}`);
  if (f.ageMin !== null || f.ageMax !== null) parts.push(`${f.ageMin ?? ''}–${f.ageMax ?? ''}岁`);
  return parts.join(' · ') || '全部求职者';
}
