import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { safeCallbackPath } from '@/lib/http/safe-redirect';
import { authorizeCredentials } from './credentials';
import { revokeSession, SESSION_MAX_AGE_SECONDS } from './login';

/**
 * next-auth with username and password. The JWT cookie carries only the user id and the id of
 * a server-side session row; getActor() checks that row on every request, so signing out or
 * disabling a user takes effect at once. The session also ends after IDLE_TIMEOUT_MINUTES
 * without a request (session-lookup.ts); SESSION_MAX_AGE_SECONDS is the absolute limit.
 */
export const { handlers, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  trustHost: process.env.AUTH_TRUST_HOST === 'true' || process.env.NODE_ENV !== 'production' ? true : undefined,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: (raw, request) => authorizeCredentials(raw, request),
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
