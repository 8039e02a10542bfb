import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { safeCallbackPath } from '@/lib/http/safe-redirect';
import { z } from 'zod';
import { revokeSession, SESSION_MAX_AGE_SECONDS, verifyLogin } from './login';

/** Surfaces the reason to the login form without saying whether the username exists. */
class LoginRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'locked' | 'disabled') {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/**
 * next-auth with username and password. The JWT cookie carries only the user id and the id of
 * a server-side session row; getActor() checks that row on every request, so signing out or
 * disabling a user takes effect at once.
 */
export const { handlers, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  trustHost: process.env.AUTH_TRUST_HOST === 'true' || process.env.NODE_ENV !== 'production' ? true : undefined,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new LoginRefused('invalid');
        const result = await verifyLogin(parsed.data.username, parsed.data.password);
        if (!result.ok) throw new LoginRefused(result.reason);
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // Every post-sign-in and sign-out destination: a same-origin path only (lib/http/safe-redirect.ts).
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return Object.assign(session, { sid: typeof token.sid === 'string' ? token.sid : undefined });
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(sid);
    },
  },
});
