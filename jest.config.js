// `npm test`: shared and server unit specs, and the API end-to-end suite against the real app on a
// fresh SQLite file — or, with DB_URL=mysql://…, a fresh database on that MySQL/MariaDB server.
// Browser tests run separately: `npm run test:browser`.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@shian/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'shared', rootDir: __dirname, testMatch: ['<rootDir>/shared/src/**/*.spec.ts'] },
    { ...common, displayName: 'server', rootDir: __dirname, testMatch: ['<rootDir>/server/src/**/*.spec.ts'] },
    // The miniapp's pure rules (no Taro imports), e.g. the submission queue's.
    { ...common, displayName: 'miniapp', rootDir: __dirname, testMatch: ['<rootDir>/miniapp/test/**/*.spec.ts'] },
    { ...common, displayName: 'api', rootDir: __dirname, testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'], slowTestThreshold: 30,
      // A file waits out Shanghai midnight rather than run across it (see the file).
      setupFilesAfterEnv: ['<rootDir>/test/support/clear-of-midnight.ts'] },
  ],
  testTimeout: 120000,
  maxWorkers: 2,
};
