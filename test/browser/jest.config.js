// `npm run test:browser`: story tests in a real headless Chromium (Debian's /usr/bin/chromium)
// against the built server (server/dist) serving the built H5 app (miniapp/dist/h5).
const path = require('path');

module.exports = {
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] },
  moduleNameMapper: { '^@shian/shared$': path.join(__dirname, '../../shared/src/index.ts') },
  testEnvironment: 'node',
  // A story waits out Shanghai midnight rather than run across it (see the file).
  setupFilesAfterEnv: [path.join(__dirname, '../support/clear-of-midnight.ts')],
  testTimeout: 180000,
};
