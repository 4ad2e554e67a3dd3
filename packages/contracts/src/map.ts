import { z } from 'zod';
import { RegionCode } from './common.js';
import { JobKind, WageUnit } from './jobs.js';

/** Points for the map of jobs and stations (published jobs with a location only). */
export const MapPointsQuery = z.object({
  town: RegionCode.optional(),
  kind: JobKind.optional(),
});
export const MapJobPoint = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  wageMinFen: z.number().int(),
  wageMaxFen: z.number().int().nullable(),
  wageUnit: WageUnit,
  townName: z.string(),
  lng: z.number(),
  lat: z.number(),
});
export const MapStationPoint = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  townName: z.string(),
  lng: z.number(),
  lat: z.number(),
});
export const MapPoints = z.object({ jobs: z.array(MapJobPoint), stations: z.array(MapStationPoint) });
export type MapJobPoint = z.infer<typeof MapJobPoint>;
export type MapStationPoint = z.infer<typeof MapStationPoint>;
export type MapPoints = z.infer<typeof MapPoints>;

/** What the apps need to know at start: map tiles and feature switches. */
export const ClientConfig = z.object({
  map: z.object({
    tileUrl: z.string().nullable(),
    attribution: z.string(),
    center: z.tuple([z.number(), z.number()]),
    zoom: z.number().int(),
  }),
  features: z.object({ mapView: z.boolean(), voiceReadAloud: z.boolean(), elderMode: z.boolean() }),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
