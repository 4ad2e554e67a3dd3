import type { Region, Station } from '@lingong/contracts';
import { api } from './api';
import type { Paged, PublicJob } from './types';

/** 鹿寨县 county code; its children are the nine towns. */
export const COUNTY_CODE = '450223000000';

/** The children of a division (towns of the county, villages of a town). */
export function fetchRegions(parent: string): Promise<Region[]> {
  return api.get<{ items: Region[] }>('/api/v1/public/regions', { parent }).then((r) => r.items);
}

let townsPromise: Promise<Region[]> | null = null;

/** The towns of the county, fetched once per page load. */
export function loadTowns(): Promise<Region[]> {
  townsPromise ??= fetchRegions(COUNTY_CODE).catch((err: unknown) => {
    townsPromise = null;
    throw err;
  });
  return townsPromise;
}

export function fetchPublicStations(query: {
  town?: string;
  page?: number;
  pageSize?: number;
}): Promise<Paged<Station>> {
  return api.get<Paged<Station>>('/api/v1/public/stations', { page: 1, pageSize: 50, ...query });
}

export function fetchPublicJobs(query: { q?: string; page?: number; pageSize?: number }): Promise<Paged<PublicJob>> {
  return api.get<Paged<PublicJob>>('/api/v1/public/jobs', { page: 1, pageSize: 20, ...query });
}
