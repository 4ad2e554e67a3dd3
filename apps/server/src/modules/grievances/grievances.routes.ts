import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminGrievanceDetail,
  AdminGrievanceExportQuery,
  AdminGrievancePage,
  AdminGrievanceQuery,
  ApplicationIdParam,
  ErrorBody,
  FileGrievanceBody,
  GrievanceActionBody,
  GrievanceIdParam,
  GrievancePhotoBody,
  MyGrievance,
  MyGrievancePage,
  MyGrievanceQuery,
  UploadedFile,
  WageCaseFile,
  WithdrawGrievanceBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { XLSX_MIME, sendXlsx } from '../../platform/reporting/list-export.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import * as admin from './grievances-admin.service.js';
import { getWageCase } from './grievance-wage-case.js';
import { exportGrievances } from './grievances-export.js';
import * as service from './grievances.service.js';
import { sendStoredFile } from '../../platform/files/file-response.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

const sendImage = (reply: FastifyReply, photo: { mime: string; bytes: Buffer }) =>
  sendStoredFile(reply, photo, { name: 'grievance-photo', personal: true });

/** 投诉/纠纷: parties file and follow (app); staff handle, with SLA, timeline and export (console). */
export function registerGrievanceRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const gd = { db: deps.database.db, pii: deps.pii, now: deps.now, dataDir: deps.config.dataDir };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['grievances'];

  app.post(
    '/api/v1/app/grievance-photos',
    {
      ...uploadRoute('image', 'image', service.MAX_PHOTO_BYTES),
      schema: {
        tags,
        summary: '上传投诉照片（JPG/PNG/WebP，base64）',
        body: GrievancePhotoBody,
        response: { 201: UploadedFile, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.uploadPhoto(gd, userActorOf(request), request.body.image)),
  );
  app.post(
    '/api/v1/app/applications/:id/grievances',
    {
      schema: {
        tags,
        summary: '就一次用工提出投诉（每方同时只能有一件未办结）',
        params: ApplicationIdParam,
        body: FileGrievanceBody,
        response: { 201: MyGrievance, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.fileGrievance(gd, userActorOf(request), request.params.id, request.body, metaOf(request))),
  );
  app.get(
    '/api/v1/app/grievances',
    {
      schema: {
        tags,
        summary: '我的投诉（我提出的和与我有关的）',
        querystring: MyGrievanceQuery,
        response: { 200: MyGrievancePage, ...errors },
      },
    },
    async (request) => service.listMine(gd, userActorOf(request), request.query),
  );
  app.get(
    '/api/v1/app/grievances/:id',
    {
      schema: {
        tags,
        summary: '投诉详情与处理进度',
        params: GrievanceIdParam,
        response: { 200: MyGrievance, ...errors },
      },
    },
    async (request) => service.getMine(gd, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/grievances/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回自己提交的投诉（含系统代为提交的欠薪投诉）',
        params: GrievanceIdParam,
        body: WithdrawGrievanceBody,
        response: { 200: MyGrievance, ...errors },
      },
    },
    async (request) => service.withdrawMine(gd, userActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/app/grievances/:id/photo',
    { schema: { tags, summary: '查看自己投诉的照片', params: GrievanceIdParam } },
    async (request, reply) => sendImage(reply, await service.readMyPhoto(gd, userActorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/admin/grievances',
    {
      schema: {
        tags,
        summary: '投诉处理列表（管辖区域内；状态/类型/乡镇/超时筛选）',
        querystring: AdminGrievanceQuery,
        response: { 200: AdminGrievancePage, ...errors },
      },
    },
    async (request) => admin.listGrievances(gd, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/grievances/export',
    {
      schema: {
        tags,
        summary: '导出投诉处理台账 .xlsx（按列表筛选条件，记入审计）',
        querystring: AdminGrievanceExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportGrievances(gd, staffActorOf(request), request.query, metaOf(request)), deps.now()),
  );
  app.get(
    '/api/v1/admin/grievances/:id',
    {
      schema: {
        tags,
        summary: '投诉详情与处理时间线',
        params: GrievanceIdParam,
        response: { 200: AdminGrievanceDetail, ...errors },
      },
    },
    async (request) => admin.getGrievance(gd, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/admin/grievances/:id/actions',
    {
      schema: {
        tags,
        summary: '处理投诉：受理 / 开始处理 / 办结 / 移交劳动保障监察 / 欠薪结案（结果，可更正工资单）',
        params: GrievanceIdParam,
        body: GrievanceActionBody,
        response: { 200: AdminGrievanceDetail, ...errors },
      },
    },
    async (request) =>
      admin.actOnGrievance(gd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/admin/grievances/:id/wage-case',
    {
      schema: {
        tags,
        summary: '欠薪投诉的工资案卷：约定工资、考勤、工资单与支付记录（管辖区域内）',
        params: GrievanceIdParam,
        response: { 200: WageCaseFile, ...errors },
      },
    },
    async (request) => getWageCase(gd, staffActorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/admin/grievances/:id/photo',
    { schema: { tags, summary: '查看投诉照片（管辖区域内，记入审计）', params: GrievanceIdParam } },
    async (request, reply) =>
      sendImage(reply, await admin.readPhotoForStaff(gd, staffActorOf(request), request.params.id, metaOf(request))),
  );
}
