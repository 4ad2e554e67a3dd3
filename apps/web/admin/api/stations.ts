/** 零工驿站 (console): the station directory in the actor's region. */
import type { Station } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/stations`;

export const listStations = (query: ListQuery) => api.get<Paged<Station>>(BASE, query);
