// Mirrors LOCK_MINUTES in lib/auth/login.ts (which is server-only) for the message text.
export const LOCK_MINUTES_DISPLAY = 15;
