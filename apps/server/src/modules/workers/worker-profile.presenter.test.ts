import { describe, expect, it } from 'vitest';
import { completenessOf } from './worker-profile.presenter.js';

const empty = {
  name: '',
  phone: null,
  homeRegionCode: null,
  skills: [],
  certificates: [],
  availability: { weekdays: [], dayParts: [], earliestStart: null },
  expectedPay: null,
  maxDistanceKm: null,
  jobKinds: [],
  bio: '',
  hasIdNumber: false,
};

describe('profile completeness', () => {
  it('is 0 with every hint for an empty profile, biggest gain first', () => {
    const c = completenessOf(empty);
    expect(c.score).toBe(0);
    expect(c.hints[0]).toBe('添加会做的工种和干了几年');
    expect(c.hints).toHaveLength(11);
  });
  it('sums to 100 when everything is filled, with no hints', () => {
    const c = completenessOf({
      ...empty,
      name: '韦大勇',
      phone: '13800000001',
      homeRegionCode: '450223101000',
      skills: [{ occupationId: 'x', occupationName: '电焊工', years: 3 }],
      certificates: [{ id: 'c', name: '焊工证', level: '', number: '', photoFileId: null }],
      availability: { weekdays: [1], dayParts: [], earliestStart: null },
      expectedPay: { minFen: 20000, unit: 'day' },
      maxDistanceKm: 10,
      jobKinds: ['flexible'],
      bio: '能吃苦',
      hasIdNumber: true,
    });
    expect(c).toEqual({ score: 100, hints: [] });
  });
});
