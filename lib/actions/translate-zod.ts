import type { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import type { Translate, TranslateValues } from '@/lib/i18n/translate';

/**
 * Turns zod issues into per-field messages in the user's language. A schema may give its own
 * message as a catalogue key under "validation" (e.g. `{ message: 'dateOrder' }`); otherwise the
 * issue code picks a generic message.
 */
export function zodFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_form';
    const msg = messageFor(issue, t);
    (out[field] ??= []).push(msg);
  }
  return out;
}

function messageFor(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && /^[a-zA-Z]+$/.test(issue.message) && t.has(`validation.${issue.message}`)) {
    // A custom issue may carry the message's values (lib/lights/schemas.ts: the threshold's range).
    return t(`validation.${issue.message}`, issue.code === 'custom' ? (issue.params as TranslateValues | undefined) : undefined);
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('validation.required') : t('validation.invalidType');
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      return t('validation.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: String(issue.maximum) });
    case 'invalid_format':
      return t('validation.invalidFormat');
    case 'invalid_value':
      return t('validation.invalidChoice');
    default:
      return t('validation.invalid');
  }
}
