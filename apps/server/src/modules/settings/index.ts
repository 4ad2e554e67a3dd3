import { defineModule } from '../../platform/http/module-plugin.js';
import { registerSettingsRoutes } from './settings.routes.js';
// The settings module's face: other modules read parameters through getSetting.
export { getSetting } from './settings.service.js';
export { SETTING_DEFAULTS } from './settings.defaults.js';

/** The settings module as a Fastify plugin: all its routes. */
export const settingsModule = defineModule('settings', [registerSettingsRoutes]);
