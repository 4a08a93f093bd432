import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const REF_DIR = fileURLToPath(new URL('../ref/', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/**
 * Compares a rendering with its committed reference PNG under tests/ref/ (which a person looked at
 * before committing). A missing reference is written and the test fails, so a new reference is never
 * accepted unseen; UPDATE_REFS=1 rewrites it after a deliberate change. The rendering and a diff
 * image go to test-results/.
 */
export function compareWithReference(name: string, png: Buffer, maxDiffRatio: number): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(`${OUT_DIR}${name}`, png);
  const refPath = `${REF_DIR}${name}`;
  if (!existsSync(refPath) || process.env.UPDATE_REFS === '1') {
    writeFileSync(refPath, png);
    if (process.env.UPDATE_REFS !== '1') throw new Error(`reference ${name} did not exist: written to tests/ref/, look at it and commit it`);
    return;
  }
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(readFileSync(refPath));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.2 });
  writeFileSync(`${OUT_DIR}diff-${name}`, PNG.sync.write(diff));
  expect(changed / (actual.width * actual.height), `${changed} pixels differ; see test-results/diff-${name}`).toBeLessThanOrEqual(maxDiffRatio);
}
