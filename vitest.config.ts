import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));
/** With a real PostgreSQL server all test files share one database: run them one at a time. */
const sharedServer = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws when imported outside a React server component.
      { find: /^server-only$/, replacement: path.join(root, 'test', 'empty.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'bench/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts', 'app/**/*.test.ts', 'proxy.test.ts'],
    exclude: ['e2e/**', '**/node_modules/**', '.next/**', '.data/**'],
    // Migrates once per run: the PGlite template (dumped to a temp file) or TEST_DATABASE_URL.
    globalSetup: ['test/global-setup.ts'],
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
    fileParallelism: !sharedServer,
    // Loading a PGlite database takes about a second, more when many workers start at once.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
