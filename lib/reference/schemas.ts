/**
 * Reference data an office maintains (责任单位/业主单位, 项目类别, 县市, 包抓领导的职务): the zod
 * schemas of the actions (the kinds and limits are in ./kinds). No server imports.
 *
 * Messages given as `{ message: 'key' }` are catalogue keys under "validation".
 */
import { z } from 'zod';
import { NAME_MAX, REFERENCE_CODE_PATTERN, TITLE_MAX, UNIT_KINDS } from './kinds';

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();
const nameZh = z.string().trim().min(1).max(NAME_MAX);
/** Offices do not always have an English name at hand: an empty one takes the Chinese name. */
const nameEn = z.string().trim().max(NAME_MAX).optional().default('');
const code = z.string().trim().toLowerCase().regex(REFERENCE_CODE_PATTERN, { message: 'referenceCode' });
const sort = z.coerce.number().int().min(0).max(9999).optional().default(0);

export const createUnitSchema = z.object({ kind: z.enum(UNIT_KINDS), nameZh, nameEn });
export const createCodedSchema = z.object({ code, nameZh, nameEn, sort });
export type CreateCodedInput = z.input<typeof createCodedSchema>;

export const renameSchema = z.object({ id, version, nameZh, nameEn });
export type RenameInput = z.input<typeof renameSchema>;

export const setActiveSchema = z.object({ id, version, active: z.boolean() });
export const deleteSchema = z.object({ id, version });
export const mergeSchema = z
  .object({ id, version, intoId: id })
  .refine((v) => v.id !== v.intoId, { message: 'mergeIntoSelf', path: ['intoId'] });

export const setTitleSchema = z.object({
  id,
  version,
  title: z
    .string()
    .trim()
    .max(TITLE_MAX)
    .transform((s) => (s === '' ? null : s)),
});
