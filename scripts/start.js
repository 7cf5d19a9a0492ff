#!/usr/bin/env node
// `npm start`: build whatever is out of date (shared → server → H5), then run the server, which
// migrates, imports the bootstrap regions and seeds demo data on first run.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const STEPS = [
  { name: 'shared', inputs: ['shared/src', 'shared/tsconfig.json'], output: 'shared/dist', args: ['run', 'build', '-w', '@shian/shared'] },
  { name: 'server', inputs: ['server/src', 'shared/src', 'server/tsconfig.json'], output: 'server/dist', args: ['run', 'build', '-w', '@shian/server'] },
  { name: 'H5', inputs: ['miniapp/src', 'miniapp/config', 'miniapp/package.json', 'shared/src'], output: 'miniapp/dist/h5', args: ['run', 'build:h5', '-w', '@shian/miniapp'] },
];

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

for (const step of STEPS) {
  const stamp = join(root, step.output, '.build-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...step.inputs.map(newestMtime));
  if (built && built >= changed) continue;
  process.stdout.write(`构建 ${step.name} …\n`);
  const res = spawnSync(npm, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.status !== 0) {
    process.stderr.write(`构建 ${step.name} 失败（退出码 ${res.status}）\n`);
    process.exit(res.status || 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

const { nodeFlags = [] } = require(join(root, 'server/package.json')).shian ?? {};
const server = spawn(process.execPath, [...nodeFlags, join(root, 'server/dist/main.js')], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
