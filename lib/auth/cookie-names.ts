/** next-auth's session cookie: with the __Secure- prefix over HTTPS, without it over HTTP. */
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
