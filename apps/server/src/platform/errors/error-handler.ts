import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@lingong/contracts';
import { AppError, type FieldError } from './app-error.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function body(code: ErrorCode, message?: string, details?: FieldError[]): ErrorBody {
  return { error: { code, message: message ?? ERROR_CODES[code].message, ...(details ? { details } : {}) } };
}

const CONTEXT_LABEL: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Turn zod issues into `{ field, message }` with the field path as the client sent it. */
function validationDetails(error: FastifyError): FieldError[] {
  const ctx = CONTEXT_LABEL[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { field: field || ctx, message: v.message ?? '格式不正确' };
  });
}

/**
 * The error handler: AppError and known framework errors become `{ error: { code, message } }`;
 * anything else is logged and answered with a generic 500 — no stack or SQL leaves the server.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return reply.status(400).send(body('VALIDATION_FAILED', undefined, validationDetails(error)));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED'));
    }
    const upload = request.routeOptions.config?.upload;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && upload)
      return reply
        .status(413)
        .send(body('PAYLOAD_TOO_LARGE', upload.message, [{ field: upload.field, message: upload.message }]));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return reply.status(ERROR_CODES[mapped].status).send(body(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'client error');
      return reply.status(error.statusCode).send(body(error.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}

export { body as errorBody };
