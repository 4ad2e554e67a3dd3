import { defineModule } from '../../platform/http/module-plugin.js';
import { registerMapRoutes } from './map.routes.js';
// The map module's face.

/** The map module as a Fastify plugin: all its routes. */
export const mapModule = defineModule('map', [registerMapRoutes]);
