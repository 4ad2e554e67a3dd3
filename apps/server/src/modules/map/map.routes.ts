import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClientConfig, ErrorBody, MapPoints, MapPointsQuery } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { getSetting } from '../settings/index.js';
import * as repo from './map.repository.js';

/** The most job markers one map shows; beyond that the list view is the better tool. */
const MAX_JOB_POINTS = 500;
/** 鹿寨县城 (lat, lng) and a zoom that shows the nine towns. */
const COUNTY_CENTER: [number, number] = [24.4727, 109.7505];

/** Public map data (jobs and stations) and the client configuration (tiles, feature switches). */
export function registerMapRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  app.get(
    '/api/v1/public/map/points',
    {
      schema: {
        tags: ['map'],
        summary: '地图：岗位与驿站位置',
        querystring: MapPointsQuery,
        response: { 200: MapPoints, 400: ErrorBody },
      },
    },
    async (request) => {
      const { town, kind } = request.query;
      const [jobs, stations] = await Promise.all([
        repo.findJobPoints(db, { town, kind }, MAX_JOB_POINTS),
        repo.findStationPoints(db, town),
      ]);
      const names = await repo.findRegionNames(db, [
        ...jobs.map((j) => j.townCode),
        ...stations.map((s) => s.townCode),
      ]);
      return {
        jobs: jobs.map(({ townCode, lng, lat, ...j }) => ({
          ...j,
          townName: names.get(townCode) ?? '',
          lng: lng!,
          lat: lat!,
        })),
        stations: stations.map(({ townCode, lng, lat, ...s }) => ({
          ...s,
          townName: names.get(townCode) ?? '',
          lng: lng!,
          lat: lat!,
        })),
      };
    },
  );

  app.get(
    '/api/v1/public/client-config',
    { schema: { tags: ['map'], summary: '客户端配置（地图底图、功能开关）', response: { 200: ClientConfig } } },
    async () => {
      const switches = await getSetting(db, 'featureSwitches');
      return {
        map: {
          tileUrl: deps.config.map.tileUrl ?? null,
          attribution: deps.config.map.attribution,
          center: COUNTY_CENTER,
          zoom: 10,
        },
        features: {
          mapView: switches.mapView ?? true,
          voiceReadAloud: switches.voiceReadAloud ?? true,
          elderMode: switches.elderMode ?? true,
        },
      };
    },
  );
}
