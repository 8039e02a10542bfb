#!/usr/bin/env node
// Builds and starts the production app. Without DATABASE_URL it runs on the embedded PGlite
// database in .data/pglite, migrated and seeded (facts + demo) on first start.
//
//   node scripts/app.mjs [--skip-build] [--port 3000] [--fresh-data]
//
// AUTH_SECRET: taken from the environment, or generated once and kept in .data/auth-secret
// so sessions survive restarts. AUTH_TRUST_HOST defaults to true (the app sits behind
// whatever host name it is reached by; set AUTH_URL in production instead if you prefer).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const root = process.cwd();
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });

const env = { ...process.env };
if (!env.AUTH_SECRET) {
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}
env.AUTH_TRUST_HOST ??= 'true';

if (flag('--fresh-data') && env.PGLITE_DATA_DIR && !env.DATABASE_URL) {
  rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
}

const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
if (!flag('--skip-build')) {
  const build = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = option('--port', env.PORT ?? '3000');
const child = spawn(process.execPath, [next, 'start', '-p', port], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
