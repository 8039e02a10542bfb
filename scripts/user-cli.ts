/**
 * `npm run user -- unlock NAME` / `npm run user -- reset-password NAME [--stdin]`
 * (lib/users/cli.ts; README, "Administration").
 */
import { createInterface } from 'node:readline';
import { closeDb, getDb } from '@/db/client';
import { runUserCli } from '@/lib/users/cli';

async function readLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

let code = 1;
try {
  code = await runUserCli(await getDb(), process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readLine,
  });
} catch (err) {
  console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await closeDb();
}
process.exit(code);
