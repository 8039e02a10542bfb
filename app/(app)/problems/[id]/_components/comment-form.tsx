'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { inputClass, primaryButton, useFieldMessage } from '@/app/_components/form/form-controls';
import { commentOnProblem } from '@/lib/problems/actions';
import { COMMENT_MAX } from '@/lib/problems/limits';

/** The comment box under the discussion thread. */
export function CommentForm({ problemId }: { problemId: number }) {
  const t = useTranslations('problems.thread');
  const fieldMessage = useFieldMessage();
  const router = useRouter();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const checkLimits = useLimitCheck();
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = checkLimits({ body: [body, COMMENT_MAX] }) ?? (await commentOnProblem({ problemId, body }));
          if (res.ok) {
            setBody('');
            setError(null);
            router.refresh();
            return;
          }
          setError(res.fieldErrors?.body?.length ? res.fieldErrors.body.map(fieldMessage).join(' ') : res.message);
        });
      }}
    >
      <label htmlFor="comment" className="sr-only">
        {t('label')}
      </label>
      <textarea
        {...countedProps(
          { id: 'comment', 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? 'comment-error' : undefined },
          body,
          COMMENT_MAX,
        )}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('placeholder')}
        className={inputClass}
        data-testid="comment-input"
      />
      <CharCount id="comment" value={body} max={COMMENT_MAX} />
      {error ? (
        <p id="comment-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end">
        <button type="submit" disabled={pending || body.trim() === ''} className={primaryButton} data-testid="comment-submit">
          {pending ? t('sending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
