// The settings module's face: other modules read parameters through getSetting.
export { getSetting } from './settings.service.js';
export { SETTING_DEFAULTS } from './settings.defaults.js';
