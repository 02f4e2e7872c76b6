/** Streams the `<row …/>` elements of one dump file with saxes over a file stream: memory stays bounded by one read chunk. */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';
import { AppError } from '../../../core/index.ts';
import type { Row } from './row-fields.ts';

const READ_CHUNK = 1 << 16;

/** Yields each `<row>`'s attributes in document order; a malformed file ends in an `invalid_request` error naming the file and line. */
export async function* xmlRows(path: string): AsyncGenerator<Row> {
  const parser = new SaxesParser<{ xmlns: false; fileName: string }>({ xmlns: false, fileName: basename(path) });
  let pending: Row[] = [];
  let failure: Error | undefined;
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') pending.push(tag.attributes);
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  const fail = (err: Error): AppError =>
    new AppError('invalid_request', `${basename(path)} is not a valid Stack Exchange dump file: ${err.message}`, {
      field: 'dir',
      cause: err,
    });

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (failure) throw fail(failure);
      const rows = pending;
      pending = [];
      yield* rows;
    }
    parser.close();
    if (failure) throw fail(failure);
    yield* pending;
  } finally {
    stream.destroy();
  }
}

/** Counts `<row` occurrences without parsing (for progress bars); cheap, approximate only for hand-made files. */
export async function countRows(path: string): Promise<number> {
  let n = 0;
  let carry = '';
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    const text = carry + chunk;
    let at = text.indexOf('<row');
    while (at !== -1) {
      n++;
      at = text.indexOf('<row', at + 4);
    }
    carry = text.slice(-3);
  }
  return n;
}
