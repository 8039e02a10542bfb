import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectFieldsShape } from '@/lib/projects/schemas';
import { PROJECT_TEXT_MAX } from './text-limits';

describe('PROJECT_TEXT_MAX', () => {
  it.each(Object.entries(PROJECT_TEXT_MAX))('%s: the form counts against the limit the schema refuses over (%i)', (key, max) => {
    const field = z.object({ f: projectFieldsShape[key as keyof typeof projectFieldsShape] as z.ZodType });
    expect(field.safeParse({ f: 'a'.repeat(max!) }).success).toBe(true);
    const over = field.safeParse({ f: 'a'.repeat(max! + 1) });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.code).toBe('too_big');
  });
});
