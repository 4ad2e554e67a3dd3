/** 人群分组 (console): the saved segments of 画像管理, as push targets elsewhere. */
import type { SegmentList } from '@lingong/contracts';
import { ADMIN, api } from './http';

const BASE = `${ADMIN}/segments`;

export const listSegments = () => api.get<SegmentList>(BASE);
