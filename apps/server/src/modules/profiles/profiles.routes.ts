import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddTagBody,
  ErrorBody,
  IdParam,
  PriorityReviewBody,
  ProfileDetail,
  ProfilePage,
  ProfileQuery,
  Segment,
  SegmentBody,
  SegmentCount,
  SegmentCountBody,
  SegmentList,
  SegmentMembersQuery,
  TagNames,
  TagParams,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './profiles.service.js';

/** 画像管理: profile list with tags and completeness, tags, priority-group verification, segments. */
export function registerProfileRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['profiles'];
  const base = '/api/v1/admin/profiles';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '画像列表（管辖区域内，按乡镇、工种、重点群体、标签、年龄筛选；脱敏）',
        querystring: ProfileQuery,
        response: { 200: ProfilePage, ...errors },
      },
    },
    async (request) => service.listProfiles(pd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/tag-names`,
    { schema: { tags, summary: '可选标签（系统标签与本区域已用的人工标签）', response: { 200: TagNames, ...errors } } },
    async (request) => service.listTagNames(pd, staffActorOf(request)),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '画像详情（标签、完整度、证书审核状态）',
        params: IdParam,
        response: { 200: ProfileDetail, ...errors },
      },
    },
    async (request) => service.getProfile(pd, staffActorOf(request), request.params.id),
  );
  app.post(
    `${base}/:id/tags`,
    {
      schema: {
        tags,
        summary: '添加人工标签（记入审计）',
        params: IdParam,
        body: AddTagBody,
        response: { 200: ProfileDetail, ...errors },
      },
    },
    async (request) => service.addTag(pd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.delete(
    `${base}/:id/tags/:tagId`,
    {
      schema: {
        tags,
        summary: '移除人工标签（记入审计）',
        params: TagParams,
        response: { 200: ProfileDetail, ...errors },
      },
    },
    async (request) =>
      service.removeTag(pd, staffActorOf(request), request.params.id, request.params.tagId, metaOf(request)),
  );
  app.post(
    `${base}/:id/priority-review`,
    {
      schema: {
        tags,
        summary: '重点群体核验（通过或驳回并说明理由）',
        params: IdParam,
        body: PriorityReviewBody,
        response: { 200: ProfileDetail, ...errors },
      },
    },
    async (request) =>
      service.reviewPriority(pd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );

  const segments = '/api/v1/admin/segments';
  app.get(
    segments,
    { schema: { tags, summary: '人群分组（本区域，含实时人数）', response: { 200: SegmentList, ...errors } } },
    async (request) => service.listSegments(pd, staffActorOf(request)),
  );
  app.post(
    `${segments}/count`,
    {
      schema: {
        tags,
        summary: '按筛选条件实时计数',
        body: SegmentCountBody,
        response: { 200: SegmentCount, ...errors },
      },
    },
    async (request) => service.countFilter(pd, staffActorOf(request), request.body.filter),
  );
  app.post(
    segments,
    { schema: { tags, summary: '保存人群分组（记入审计）', body: SegmentBody, response: { 201: Segment, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createSegment(pd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.delete(
    `${segments}/:id`,
    { schema: { tags, summary: '删除人群分组（记入审计）', params: IdParam, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteSegment(pd, staffActorOf(request), request.params.id, metaOf(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${segments}/:id/members`,
    {
      schema: {
        tags,
        summary: '分组成员（脱敏，分页）',
        params: IdParam,
        querystring: SegmentMembersQuery,
        response: { 200: ProfilePage, ...errors },
      },
    },
    async (request) => service.segmentMembers(pd, staffActorOf(request), request.params.id, request.query),
  );
}
