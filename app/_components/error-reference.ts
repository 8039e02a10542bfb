/**
 * The reference an error page shows for the user to quote: the server's digest of the failure
 * (the same one the server logged), or for a failure in the browser a reference of its own
 * (C-XXXXXXXX, logged with the error there). Never empty, never "—".
 */
export function errorReference(digest: string | undefined, random: () => number = Math.random): string {
  const server = digest?.trim();
  if (server) return server;
  const own = random().toString(36).slice(2, 10).toUpperCase().padEnd(8, '0');
  return `C-${own}`;
}
