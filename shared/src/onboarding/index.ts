export * from './status';
export * from './invitation-code';
export * from './password';
export * from './registration';
export * from './api';
