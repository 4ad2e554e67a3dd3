export * from './envelope.js';
export * from './blind-index.js';
export * from './mask.js';
export * from './keys.js';
export * from './file-envelope.js';
