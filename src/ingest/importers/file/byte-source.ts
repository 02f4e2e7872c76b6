/** Opens a file as a stream of byte chunks (gunzipped when asked) and counts the raw bytes read, for progress. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../../core/index.ts';

const READ_CHUNK = 1 << 20;

export interface ByteSource {
  chunks: AsyncIterable<Buffer>;
  /** Bytes of the file itself read so far (compressed bytes for .gz). */
  bytesRead(): number;
  size: number;
  close(): void;
}

/** Stats the file first so that a missing or unreadable file fails before anything is imported. */
export async function fileSize(path: string): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `file not found: ${path}`, { field: 'file', cause: err });
    throw new AppError('invalid_request', `cannot read ${path}: ${(err as Error).message}`, { field: 'file', cause: err });
  }
  if (!s.isFile()) throw new AppError('invalid_request', `${path} is not a regular file`, { field: 'file' });
  return s.size;
}

export async function openByteSource(path: string, gzip: boolean): Promise<ByteSource> {
  const size = await fileSize(path);
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK });
  if (!gzip) return { chunks: raw, bytesRead: () => raw.bytesRead, size, close: () => raw.destroy() };
  const gunzip = createGunzip({ chunkSize: READ_CHUNK });
  raw.on('error', (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  return {
    chunks: gunzip,
    bytesRead: () => raw.bytesRead,
    size,
    close: () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

/** A read failure (I/O, corrupt gzip, malformed CSV) as a typed error naming the file and the line reached. */
export function readFailure(path: string, line: number, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const what = e.code?.startsWith('Z_') || /header check|unexpected end of file|invalid (block|distance|code)/i.test(e.message ?? '')
    ? `not a valid gzip file (${e.message})`
    : (e.message ?? String(err));
  return new AppError('invalid_request', `${basename(path)} line ${line}: ${what}`, { field: 'file', cause: err });
}
