/**
 * Every package the lock file installs runs on the oldest Node.js the project declares
 * (package.json `engines.node`). A dependency that wants a newer Node.js (docx 9.8+ pulls
 * nanoid 6, which wants Node.js 22) fails here, naming the package, instead of on a user's
 * machine; then pin a version that fits (package.json `overrides`) or raise the declared version
 * and the README with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('the Node.js version the project declares', () => {
  const oldest = semver.minVersion(pkg.engines.node);

  it('is a version range with a lower bound', () => {
    expect(oldest).not.toBeNull();
  });

  it('is one that every installed package accepts', () => {
    const refused = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const wanted = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        return wanted && !semver.satisfies(oldest!, wanted)
          ? [`${name.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${wanted}`]
          : [];
      });
    expect(refused).toEqual([]);
  });

  it('is met by the Node.js running the tests', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
