/** The framework floor's build (bench/floor.ts): the same Next.js as the app, nothing configured. */
const nextConfig = { poweredByHeader: false, distDir: '.next' };

export default nextConfig;
