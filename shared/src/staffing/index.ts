export * from './thresholds';
export * from './requirement';
export * from './credentials';
export * from './spot-exam';
export * from './api';
