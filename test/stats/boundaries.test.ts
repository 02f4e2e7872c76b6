/** src/stats imports nothing but its own files: no other module of ours, no package, no node built-in. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../src/stats');
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

it('src/stats/*.ts import only ./ siblings', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(files).toContain('index.ts');
  const specifiers = files.flatMap((f) =>
    [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(IMPORT)].map((m) => `${f}: ${m[1] ?? m[2] ?? m[3]}`),
  );
  expect(specifiers.length).toBeGreaterThan(0); // the pattern does see the imports that exist
  expect(specifiers.filter((s) => !/: \.\/[\w-]+\.ts$/.test(s))).toEqual([]);
});
