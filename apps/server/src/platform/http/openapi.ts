import type { SwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { globalRegistry, z } from 'zod';
import { ErrorBody } from '@lingong/contracts';
import { APP_COOKIE, STAFF_COOKIE } from './request-auth.js';

// The OpenAPI document as a product partners generate clients from: every operation gets a stable
// operationId, its security scheme (by API area), and documented 2xx and 4xx responses; shared
// schemas are components referenced by $ref instead of copied into every operation.

/** Shared schemas, emitted once under components.schemas. */
const registry = z.registry<{ id: string }>();
registry.add(ErrorBody, { id: 'ErrorBody' });

const ERROR_EXAMPLE = {
  error: { code: 'VALIDATION', message: '请求参数有误', details: [{ field: 'phone', message: '手机号格式不正确' }] },
};

/** GET /api/v1/admin/workers/:id/notes → getAdminWorkersByIdNotes (unique per method and path). */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/(v1\/)?/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((seg) => (seg.startsWith(':') ? ['by', seg.slice(1)] : seg.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  const camel = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return method.toLowerCase() + camel;
}

/** Who may call a path: a staff session, an app (worker/employer) session, a signed partner, or anyone. */
export function securityOf(url: string): Record<string, string[]>[] {
  if (url.startsWith('/api/v1/admin/')) return [{ staffSession: [] }, { bearer: [] }];
  if (url.startsWith('/api/v1/app/')) return [{ appSession: [] }, { bearer: [] }];
  if (url.startsWith('/api/v1/exchange/')) return [{ partnerSignature: [] }];
  return [];
}

const zodTransform = createJsonSchemaTransform({ schemaRegistry: registry });

type Responses = Record<string, unknown>;

/** The zod transform, then operationId, security and the responses every operation documents. */
export const openapiTransform: typeof zodTransform = (input) => {
  const given = (input.schema as { response?: Responses } | undefined)?.response ?? {};
  const withErrors = Object.keys(given).some((k) => k.startsWith('4'))
    ? input
    : { ...input, schema: { ...input.schema, response: { ...given, 400: ErrorBody } } };
  const out = zodTransform(withErrors);
  const schema = out.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return out;
  const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
  const responses: Responses = { ...((schema.response as Responses | undefined) ?? {}) };
  // A response example given with `.meta({ example })` on the zod schema of a route.
  for (const [status, zodSchema] of Object.entries(given)) {
    const example = (globalRegistry.get(zodSchema as never) as { example?: unknown } | undefined)?.example;
    if (example !== undefined && responses[status]) responses[status] = { ...(responses[status] as object), example };
  }
  if (!Object.keys(responses).some((k) => k.startsWith('2')))
    responses['200'] = { description: '成功（文件下载或无正文的应答，见接口说明）' };
  return {
    url: out.url,
    schema: {
      ...schema,
      operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, out.url),
      security: (schema.security as Record<string, string[]>[] | undefined) ?? securityOf(out.url),
      response: responses,
    },
  };
};

/** Components, servers and the error example, once the paths are built. */
const zodTransformObject = createJsonSchemaTransformObject({ schemaRegistry: registry });
export const openapiTransformObject: typeof zodTransformObject = (input) => {
  const doc = zodTransformObject(input) as Record<string, unknown> & { components?: { schemas?: Responses } };
  const schemas = doc.components?.schemas ?? {};
  const errorSchema = schemas.ErrorBody as Record<string, unknown> | undefined;
  if (errorSchema) errorSchema.example = ERROR_EXAMPLE;
  // The registry emits an input variant of each shared schema; drop those no operation refers to.
  const paths = JSON.stringify(doc.paths ?? {});
  for (const id of Object.keys(schemas))
    if (id.endsWith('Input') && !paths.includes(`#/components/schemas/${id}"`)) delete schemas[id];
  return doc as ReturnType<typeof zodTransformObject>;
};

export const OPENAPI_OPTIONS: SwaggerOptions = {
  openapi: {
    info: {
      title: 'Lingong 零工 API',
      version: '0.1.0',
      description: '鹿寨县零工市场 API：公开、零工/用工主体、管理端、系统对接',
    },
    servers: [{ url: '/', description: '本实例（相对地址，按部署域名访问）' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '登录返回的会话令牌' },
        staffSession: { type: 'apiKey', in: 'cookie', name: STAFF_COOKIE, description: '管理端登录会话' },
        appSession: { type: 'apiKey', in: 'cookie', name: APP_COOKIE, description: '零工/用工主体登录会话' },
        partnerSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'x-lg-signature',
          description: 'HMAC-SM3 signed request (docs/exchange.md)',
        },
      },
    },
  },
  transform: openapiTransform,
  transformObject: openapiTransformObject,
};
