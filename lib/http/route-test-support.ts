/** What the route wrapper's tests share: requests as a browser sends them, the answer's body, the id shape. */
import { translator } from '@/lib/i18n/translate';

export const zh = translator('zh-CN');
export const en = translator('en');
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function request(path = '/api/x', init: RequestInit & { locale?: 'zh-CN' | 'en' } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.locale) headers.set('cookie', `theme=dark; NEXT_LOCALE=${init.locale}`);
  return new Request(`http://localhost${path}`, { ...init, headers });
}
export const nextContext = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

export async function answer(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}
