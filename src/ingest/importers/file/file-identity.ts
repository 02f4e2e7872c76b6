/**
 * Identity of an import source, the key of its resume position in the `imports` table:
 *  - a file: sha256 of its size and its first and last MiB (whole file when ≤ 2 MiB) — reading a few MiB is
 *    instant even for a 50 GB file, and any append, truncation or edit near either end changes the key;
 *  - a Stack Exchange dump folder: sha256 of its .xml file names and sizes, plus the importer's file order.
 */
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSize } from './byte-source.ts';

const EDGE = 1 << 20;

export async function fileIdentity(path: string): Promise<string> {
  const size = await fileSize(path);
  const hash = createHash('sha256').update(`sheyun-file-v1\0${size}\0`);
  const fh = await open(path, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      hash.update(buf.subarray(0, bytesRead));
    };
    if (size <= 2 * EDGE) await read(0, size);
    else {
      await read(0, EDGE);
      await read(size - EDGE, EDGE);
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

export async function dumpIdentity(dir: string, fileOrder: readonly string[]): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.xml')).sort();
  const hash = createHash('sha256').update(`sheyun-se-dump-v1\0${fileOrder.join(',')}\0`);
  for (const name of names) hash.update(`${name}\t${(await stat(join(dir, name))).size}\n`);
  return hash.digest('hex');
}
