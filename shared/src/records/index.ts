export * from './periods';
export * from './summaries';
