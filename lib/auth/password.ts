/**
 * Password hashing: argon2id via @node-rs/argon2, PHC-encoded strings (parameters and salt
 * travel with the hash, so verify needs no options). No 'server-only' import: the seed script
 * uses this outside Next.js.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Algorithm.Argon2id. The package declares Algorithm as an ambient const enum, which cannot be
 * read as a value under isolatedModules, so the value is spelled out and type-checked here.
 */
const ARGON2ID: Algorithm.Argon2id = 2;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/** True when `plain` matches `hash`; false (never a throw) for a malformed or foreign hash. */
export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}
