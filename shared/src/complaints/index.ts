export * from './working-days';
export * from './rules';
export * from './api';
export * from './calendar-2026';
