import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateStationBody,
  ErrorBody,
  OccupationList,
  RegionList,
  RegionListQuery,
  Station,
  StationListQuery,
  StationPage,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { presentOccupation, presentRegion, presentStation } from './reference.presenter.js';
import * as service from './reference.service.js';

/** Public reference data (regions, occupations, stations) and station management. */
export function registerReferenceRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

  app.get(
    '/api/v1/public/regions',
    {
      schema: {
        tags: ['reference'],
        summary: '行政区划（按上级代码）',
        querystring: RegionListQuery,
        response: { 200: RegionList, 400: ErrorBody },
      },
    },
    async (request) => ({
      items: (await service.listRegions(db, request.query.parent)).map(presentRegion),
    }),
  );

  app.get(
    '/api/v1/public/occupations',
    { schema: { tags: ['reference'], summary: '工种树（平铺，含上级）', response: { 200: OccupationList } } },
    async () => ({
      items: (await service.listOccupations(db)).map(presentOccupation),
    }),
  );

  app.get(
    '/api/v1/public/stations',
    {
      schema: {
        tags: ['reference'],
        summary: '零工驿站列表',
        querystring: StationListQuery,
        response: { 200: StationPage, 400: ErrorBody },
      },
    },
    async (request) => {
      return service.listStations(db, request.query);
    },
  );

  app.get(
    '/api/v1/admin/stations',
    {
      schema: {
        tags: ['reference'],
        summary: '零工驿站（管辖区域内）',
        querystring: StationListQuery,
        response: { 200: StationPage, ...errors },
      },
    },
    async (request) => {
      return service.listStationsForStaff(db, staffActorOf(request), request.query);
    },
  );

  app.post(
    '/api/v1/admin/stations',
    {
      schema: {
        tags: ['reference'],
        summary: '新建零工驿站',
        body: CreateStationBody,
        response: { 201: Station, ...errors },
      },
    },
    async (request, reply) => {
      const { row, townName } = await service.createStation(db, staffActorOf(request), request.body, metaOf(request));
      return reply.status(201).send(presentStation(row, townName));
    },
  );
}
