export * from './types';
export * from './labels';
export * from './thresholds';
export * from './sources';
export * from './templates';
export * from './enterprise-list';
