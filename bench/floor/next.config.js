/** The framework floor's build (bench/floor.ts): the same Next.js as the app, nothing configured. */
export default { poweredByHeader: false, distDir: '.next' };
