import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a phone downloads: a client component's static imports, followed through the repository,
// must not reach a package that weighs on every page load and is not needed to draw it. zod
// (27 KB compressed) came to the report form with a constant imported from its schemas
// module; exifr (34 KB) with the photo uploader, where it is needed only once a photo is
// chosen (a dynamic import); echarts (185 KB) with the dashboard charts, which are now drawn on
// the server (app/(app)/dashboard/_components/chart-svg.ts). bench/phone.ts measures the bytes;
// this keeps the class out.

const ROOT = path.resolve(__dirname, '..');
const HEAVY = ['zod', 'exifr', 'exceljs', 'docx', 'drizzle-orm', 'postgres', '@electric-sql/pglite', 'sharp', '@node-rs/argon2', 'echarts'];
/** Entry points of a heavy package that are light themselves, each with the reason. */
const LIGHT_ENTRIES: Record<string, string> = {
  // ECharts' SSR client: about 1 KB that reads the metadata in a server-drawn chart; it imports nothing.
  'echarts/ssr/client/index': 'echarts',
};
/** Each with the reason it may reach the package. */
const ALLOWED: Record<string, string> = {
  // zod's one-line config (jitless in the browser, under the page CSP): zod/v4/core's config only.
  'app/_components/zod-browser-config.tsx': 'zod',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The module specifiers a file imports at runtime (type-only imports are erased). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) {
    if (m[5]) {
      out.push(m[5]);
      continue;
    }
    if (m[2]) continue;
    const clause = m[3] ?? '';
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (named && named[1]!.split(',').every((s) => !s.trim() || /^type\s/.test(s.trim()))) continue;
    out.push(m[4]!);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not this one */
    }
  }
  return null;
}

const USE_SERVER = /^\s*['"]use server['"]/;

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

/** The heavy packages `entry` reaches through static imports, each with the chain that leads there. */
function heavyReached(entry: string): { pkg: string; chain: string[] }[] {
  const found: { pkg: string; chain: string[] }[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // A server actions module reaches the browser as references to its actions, not as code.
    if (chain.length > 1 && USE_SERVER.test(source)) return;
    for (const spec of runtimeImports(source)) {
      const local = resolveLocal(file, spec);
      if (local) walk(local, [...chain, path.relative(ROOT, local)]);
      else if (!spec.startsWith('.') && !spec.startsWith('@/') && HEAVY.includes(packageOf(spec)) && !LIGHT_ENTRIES[spec])
        found.push({ pkg: packageOf(spec), chain });
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return found;
}

describe('client components', () => {
  const clientFiles = files(path.join(ROOT, 'app')).filter((f) => /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8')));

  it('are found', () => {
    expect(clientFiles.length).toBeGreaterThan(30);
  });

  it('reach no heavy package through their static imports', () => {
    const offences = clientFiles.flatMap((f) =>
      heavyReached(f)
        .filter(({ pkg }) => ALLOWED[path.relative(ROOT, f)] !== pkg)
        .map(({ pkg, chain }) => `${pkg} ← ${chain.join(' ← ')}`),
    );
    expect([...new Set(offences)]).toEqual([]);
  });

  it('reach a light entry of a heavy package only where it imports nothing more', () => {
    // echarts/ssr/client/index re-exports ./lib/index.js, which has no import of its own.
    const entry = path.join(ROOT, 'node_modules', 'echarts', 'ssr', 'client', 'index.js');
    expect(runtimeImports(readFileSync(entry, 'utf8'))).toEqual(['./lib/index.js']);
    expect(runtimeImports(readFileSync(path.join(path.dirname(entry), 'lib', 'index.js'), 'utf8'))).toEqual([]);
    expect(Object.values(LIGHT_ENTRIES).every((pkg) => HEAVY.includes(pkg))).toBe(true);
  });
});

describe('runtimeImports', () => {
  it('keeps value imports, side-effect imports and re-exports, and drops type-only ones', () => {
    const src = [
      "import { z } from 'zod';",
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "import './styles.css';",
      "export { f } from './f';",
      "export type { G } from './g';",
      'import {\n  h,\n  i,\n} from "@/lib/h";',
    ].join('\n');
    expect(runtimeImports(src)).toEqual(['zod', './d', './styles.css', './f', '@/lib/h']);
  });

  it('does not follow a dynamic import (loaded when it is needed)', () => {
    expect(runtimeImports("const { parse } = await import('exifr');")).toEqual([]);
  });
});
