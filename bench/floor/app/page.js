import { connection } from 'next/server';

// Rendered on every request, like every page of the app, and nothing else: no session, no
// database, no messages.
export default async function FloorPage() {
  await connection();
  return <p>ok</p>;
}
