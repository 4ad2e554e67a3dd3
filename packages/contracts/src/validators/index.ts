export * from './result.js';
export * from './id-number.js';
export * from './uscc.js';
export * from './mobile.js';
