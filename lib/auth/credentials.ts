import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { clientAddress } from './client-address';
import { verifyLogin } from './login';

export type LoginRefusal = 'invalid' | 'disabled' | 'throttled' | 'unavailable';

/**
 * Surfaces the reason to the login form without saying whether the username exists: a throttled
 * attempt carries the seconds to wait, the same for a known and an unknown name.
 */
export class LoginRefused extends CredentialsSignin {
  readonly retryAfterSeconds?: number;
  constructor(code: LoginRefusal, retryAfterSeconds?: number) {
    super();
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/**
 * next-auth's authorize() for username and password. Any failure that is not an answer about
 * the credentials (the database unreachable, a query failing) is logged and answered
 * "unavailable", never "wrong password".
 */
export async function authorizeCredentials(
  raw: unknown,
  request: Pick<Request, 'headers'> | undefined,
): Promise<{ id: string; sid: string }> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new LoginRefused('invalid');
  let result: Awaited<ReturnType<typeof verifyLogin>>;
  try {
    result = await verifyLogin(parsed.data.username, parsed.data.password, {
      address: request ? clientAddress(request.headers) : null,
    });
  } catch (err) {
    const e = err as { name?: unknown; code?: unknown; message?: unknown };
    // The error's name, code and message only: a driver error can carry its query.
    console.error('sign-in failed: service unavailable', { name: e?.name, code: e?.code, message: String(e?.message ?? '') });
    throw new LoginRefused('unavailable');
  }
  if (!result.ok) throw new LoginRefused(result.reason, result.reason === 'throttled' ? result.retryAfterSeconds : undefined);
  return { id: String(result.userId), sid: result.sessionId };
}

/**
 * What the login form shows for an error thrown by next-auth's signIn(), or null when it is not
 * a refusal (the success redirect, which must be rethrown). A refusal with an unknown code, or
 * another next-auth error, is "invalid"; a next-auth error caused by a failure below it (the
 * database) is "unavailable".
 */
export function refusalOf(err: unknown): { error: LoginRefusal; retryAfterSeconds?: number } | null {
  if (err instanceof CredentialsSignin) {
    const code = err.code as string;
    if (code === 'throttled') {
      const seconds = (err as Partial<LoginRefused>).retryAfterSeconds;
      return { error: 'throttled', retryAfterSeconds: typeof seconds === 'number' && seconds > 0 ? seconds : 1 };
    }
    return { error: code === 'disabled' || code === 'unavailable' ? code : 'invalid' };
  }
  if (err instanceof AuthError) return { error: err.type === 'CallbackRouteError' ? 'unavailable' : 'invalid' };
  return null;
}
