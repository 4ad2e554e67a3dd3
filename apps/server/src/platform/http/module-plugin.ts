import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.js';

/** A function that registers some of a module's routes (public, app or admin). */
export type RouteRegistrar = (app: FastifyInstance, deps: AppDeps) => void;

/** A module as the app sees it: a name and a Fastify plugin that registers all its routes. */
export type AppModule = { name: string; plugin: (deps: AppDeps) => FastifyPluginAsync };

/**
 * One Fastify plugin per module. Each runs in its own encapsulated context; the session hooks,
 * error handler, rate limiter and OpenAPI collector registered on the root apply to it.
 */
export function defineModule(name: string, registrars: RouteRegistrar[]): AppModule {
  return {
    name,
    plugin: (deps) => async (app) => {
      for (const register of registrars) register(app, deps);
    },
  };
}
