/**
 * The one parser of a record id in a URL path (/projects/12, /api/milestones/12): one to nine
 * digits, then the actions' own idSchema (a positive int4). Anything else — abc, 0, 1.5, 0x10,
 * 1e3, ' 12', an empty or overlong segment — is not an id, which a page or a route answers with 404.
 * The route wrapper (lib/http/route.ts) uses `routeId` in its params schemas; pages call parseId.
 */
import { z } from 'zod';
import { idSchema } from '@/lib/projects/schemas';

export const routeId = z
  .string()
  .regex(/^\d{1,9}$/)
  // idSchema takes any input (it coerces); here it only ever sees the digits.
  .pipe(idSchema as z.ZodType<number, string>);

/** A path segment as a record id: "12" → 12; anything else → null (the page's notFound()). */
export function parseId(raw: string | undefined): number | null {
  const parsed = routeId.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
