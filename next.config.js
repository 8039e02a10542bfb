import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite (WASM + data files) and the native bindings (argon2, sharp) must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'sharp'],
  // A separate build directory lets a benchmark or a second checkout build beside the dev server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1'],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
