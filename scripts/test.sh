#!/usr/bin/env bash
# The whole test suite: types, lint, unit/integration tests (embedded PGlite, and real PostgreSQL
# too when TEST_DATABASE_URL is set), then the production build and the Playwright
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium (installed here where the user may) and the PostgreSQL pass's status, before any work.
source scripts/test-prerequisites.sh

echo "== typecheck"
npx tsc --noEmit

echo "== lint (ESLint: Next.js, typescript-eslint, react-hooks, layering and import cycles; zero warnings)"
npm run --silent lint

echo "== dead code (knip: unused files, exports and dependencies)"
npm run --silent deadcode

echo "== format (Prettier: npm run format rewrites what this finds)"
npm run --silent format:check

echo "== unit and integration tests (PGlite)"
env -u TEST_DATABASE_URL npx vitest run

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "== integration tests (PostgreSQL: ${TEST_DATABASE_URL%%\?*})"
  npx vitest run
else
  echo "== integration tests (PostgreSQL): $PG_SKIP_NOTE"
fi

echo "== production build"
unset DATABASE_URL
npx next build

echo "== end-to-end tests (Playwright, $CHROMIUM_PATH)"
npx playwright test

if [[ -n "${PG_SKIP_NOTE:-}" ]]; then echo "npm test: passed; the PostgreSQL pass was $PG_SKIP_NOTE"; fi
