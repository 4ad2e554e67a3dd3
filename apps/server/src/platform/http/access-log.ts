import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request log lines at debug instead of info (issue 16): `LOG_LEVEL=debug` shows one
 * "request completed" line per request; at the default level nothing is written per request.
 * Failed requests keep Fastify's error line, and the error handler logs 4xx/5xx as before.
 */
export class DebugAccessLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
