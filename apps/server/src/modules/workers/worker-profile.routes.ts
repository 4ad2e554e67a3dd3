import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CertificatePhotoBody,
  ConsentBody,
  ErrorBody,
  FileIdParam,
  UploadedFile,
  WorkerProfile,
  WorkerProfileBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, userActorOf } from '../../platform/http/request-auth.js';
import * as service from './worker-profile.service.js';
import { sendStoredFile } from '../../platform/files/file-response.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

/** The logged-in worker's own profile (个人画像) and consents. */
export function registerWorkerProfileRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now, dataDir: deps.config.dataDir };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
  const tags = ['workers'];

  app.get(
    '/api/v1/app/worker/profile',
    { schema: { tags, summary: '我的画像（含完整度提示）', response: { 200: WorkerProfile, ...errors } } },
    async (request) => service.getMyProfile(wd, userActorOf(request)),
  );
  app.put(
    '/api/v1/app/worker/profile',
    {
      schema: {
        tags,
        summary: '保存我的画像（需先同意隐私政策；填身份证需单独授权）',
        body: WorkerProfileBody,
        response: { 200: WorkerProfile, ...errors },
      },
    },
    async (request) => service.saveMyProfile(wd, userActorOf(request), request.body, metaOf(request)),
  );
  app.post(
    '/api/v1/app/worker/certificate-photos',
    {
      ...uploadRoute('image', 'image', service.MAX_PHOTO_BYTES),
      schema: {
        tags,
        summary: '上传证书照片（JPG/PNG/WebP，base64）',
        body: CertificatePhotoBody,
        response: { 201: UploadedFile, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.uploadCertificatePhoto(wd, userActorOf(request), request.body.image)),
  );
  app.get(
    '/api/v1/app/worker/certificate-photos/:fileId',
    { schema: { tags, summary: '查看自己的证书照片', params: FileIdParam } },
    async (request, reply) => {
      const photo = await service.readCertificatePhoto(wd, userActorOf(request), request.params.fileId);
      return sendStoredFile(reply, photo, { name: 'certificate-photo', personal: true });
    },
  );
  app.post(
    '/api/v1/app/worker/consents',
    {
      schema: {
        tags,
        summary: '同意隐私政策 / 身份信息处理授权',
        body: ConsentBody,
        response: { 200: WorkerProfile, ...errors },
      },
    },
    async (request) => service.giveConsent(wd, userActorOf(request), request.body, metaOf(request)),
  );
}
