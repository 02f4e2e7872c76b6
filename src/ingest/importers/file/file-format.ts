/** Which reader a file needs: the format from `--format` or the extension, gzip from `.gz` or the gzip magic bytes. */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { invalid } from '../../../core/index.ts';
import { fileSize } from './byte-source.ts';
import type { FileFormat } from './chunk.ts';

const EXTENSIONS: Readonly<Record<string, FileFormat>> = { jsonl: 'jsonl', ndjson: 'jsonl', 'json-lines': 'jsonl', csv: 'csv' };

export const FILE_FORMATS: readonly FileFormat[] = ['jsonl', 'csv'];

export interface DetectedFormat {
  format: FileFormat;
  gzip: boolean;
}

async function hasGzipMagic(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

export async function detectFormat(path: string, explicit?: string): Promise<DetectedFormat> {
  await fileSize(path); // a missing file is reported as such, not as an unknown format
  const name = basename(path).toLowerCase();
  const gzExt = name.endsWith('.gz');
  const gzip = gzExt || (await hasGzipMagic(path));
  if (explicit !== undefined) {
    if (!FILE_FORMATS.includes(explicit as FileFormat)) throw invalid(`--format must be one of ${FILE_FORMATS.join(', ')}, not "${explicit}"`, 'format');
    return { format: explicit as FileFormat, gzip };
  }
  const stem = gzExt ? name.slice(0, -3) : name;
  const ext = stem.includes('.') ? stem.slice(stem.lastIndexOf('.') + 1) : '';
  const format = EXTENSIONS[ext];
  if (format === undefined) {
    throw invalid(
      `cannot tell the format of ${basename(path)} from its extension: use .jsonl, .ndjson, .json-lines or .csv (optionally .gz), or --format jsonl|csv`,
      'format',
    );
  }
  return { format, gzip };
}
