// ESLint flat config: the Next.js rules (core web vitals, React, react-hooks, jsx-a11y, import)
// with typescript-eslint's recommended rules (eslint-config-next/typescript), and the layering
// of the code base: app/ (routes and UI) → lib/ (domain) → db/ (schema, client, migrations).
// db/ never imports lib/ or app/, lib/ never imports app/, and no import cycles anywhere.
// `npm run lint` runs it with --max-warnings 0, so a warning fails `npm test` like an error.
import comments from '@eslint-community/eslint-plugin-eslint-comments';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** An import of app/ code: through the `@/` alias or a relative path climbing into app/. */
const APP = { regex: '^(@/|(\\.\\./)+)app/', message: 'app/ holds routes and UI: nothing below it (lib/, db/) may import it.' };
const LIB = {
  regex: '^(@/|(\\.\\./)+)lib/',
  message: 'db/ never imports lib/: move what the schema needs into db/ (lib/ may import db/).',
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'bench/floor/.next/**',
    '.next-*/**',
    '.data/**',
    'bench/.data/**',
    'test-results/**',
    'playwright-report/**',
    'e2e/.auth/**',
    'screenshots/**',
    'next-env.d.ts',
  ]),
  {
    plugins: { '@eslint-community/eslint-comments': comments },
    linterOptions: {
      // An eslint-disable comment that no longer suppresses anything is reported.
      reportUnusedDisableDirectives: 'error',
    },
    settings: {
      // Packages are never parsed for import/no-cycle (a cycle through node_modules is not ours).
      'import/ignore': ['node_modules'],
    },
    rules: {
      // Every eslint-disable says why, on the same line: `// eslint-disable-next-line rule -- reason`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // Type-only imports are erased at compile time, so only runtime cycles count.
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP] }] },
  },
  {
    // db/: the schema, the client, migrations and prepared statements. The seed builds its data
    // with the domain's own functions (password hashing, the lights computation), so it lives in
    // lib/seed; db's tests may use lib/ to build their data.
    files: ['db/**'],
    ignores: ['db/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP, LIB] }] },
  },
  {
    // vitest helpers named use… (useTestDb, useProblemWorld) are not React hooks.
    files: ['**/*.test.ts', 'test/**', 'e2e/**', 'lib/**/test-world.ts', 'lib/**/*-support.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'react-hooks/globals': 'off' },
  },
]);
