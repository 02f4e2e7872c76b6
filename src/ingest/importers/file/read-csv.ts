/**
 * Streams a CSV file (header row first) as chunks, with csv-parse. Records are taken synchronously as they are
 * parsed (`on_record`), so a fatal error late in the file (a record over `maxLineBytes`, usually an unclosed quote)
 * still leaves every earlier record imported. Line numbers are the line each record starts on.
 */
import { parse } from 'csv-parse';
import { basename } from 'node:path';
import { AppError } from '../../../core/index.ts';
import { openByteSource, readFailure } from './byte-source.ts';
import { DEFAULT_MAX_LINE_BYTES, finalChunk, type FileChunk, type FileReadOptions } from './chunk.ts';
import { csvLayout, csvRecordToMessage, type CsvLayout } from './csv-record.ts';

/** A parsed record or a record csv-parse could not parse, in file order. */
type Parsed = { cells: string[]; line: number; endLine: number } | { cells: undefined; line: number; endLine: number; message: string };

export async function* readCsv(path: string, opts: FileReadOptions): AsyncGenerator<FileChunk, void, undefined> {
  const maxRecord = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const skipThrough = opts.skipThrough ?? 0;
  const source = await openByteSource(path, opts.gzip);

  const queue: Parsed[] = [];
  let parsedThrough = 0; // end line of the last record seen by the callbacks
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecord,
    on_record: (cells: string[], ctx: { lines: number }) => {
      queue.push({ cells, line: startLine(cells, ctx.lines, parsedThrough), endLine: ctx.lines });
      parsedThrough = ctx.lines;
      return null; // taken here, not pushed through the stream
    },
    on_skip: (err: (Error & { code?: string; lines?: number }) | undefined) => {
      if (err === undefined) return;
      // Past the size bound csv-parse would drop the rest of its buffer: make it fatal instead.
      if (err.code === 'CSV_MAX_RECORD_SIZE') throw err;
      const endLine = Math.max(err.lines ?? parsedThrough + 1, parsedThrough + 1);
      queue.push({ cells: undefined, line: parsedThrough + 1, endLine, message: err.message });
      parsedThrough = endLine;
    },
  });
  let parserError: Error | undefined;
  parser.on('error', (err: Error) => void (parserError ??= err));
  parser.resume();
  const write = (buf: Buffer) => new Promise<void>((resolve, reject) => void parser.write(buf, (err) => (err ? reject(err) : resolve())));
  const end = () =>
    new Promise<void>((resolve, reject) => {
      parser.once('finish', () => (parserError ? reject(parserError) : resolve()));
      parser.once('error', reject);
      parser.end();
    });

  let layout: CsvLayout | undefined;
  let chunk = newChunk(skipThrough + 1);
  const take = (): FileChunk[] => {
    const out: FileChunk[] = [];
    for (const r of queue.splice(0)) {
      if (layout === undefined && r.cells !== undefined) {
        layout = csvLayout(r.cells);
        if (skipThrough < r.endLine) chunk = newChunk(r.endLine + 1);
        continue;
      }
      if (r.endLine <= skipThrough) continue;
      chunk.lastLine = r.endLine;
      if (r.cells === undefined) chunk.badLines.push({ line: r.line, code: 'invalid_csv', message: r.message });
      else if (r.cells.every((c) => c === '')) continue;
      else {
        const c = csvRecordToMessage(layout!, r.cells);
        if (c.ok) {
          chunk.messages.push(c.message);
          chunk.lines.push(r.line);
        } else chunk.badLines.push({ line: r.line, ...c.rejection });
      }
      if (chunk.messages.length + chunk.badLines.length >= opts.batchSize) {
        chunk.bytesRead = source.bytesRead();
        out.push(chunk);
        chunk = newChunk(r.endLine + 1);
      }
    }
    return out;
  };

  let failure: unknown;
  try {
    for await (const buf of source.chunks as AsyncIterable<Buffer>) {
      let failed: unknown;
      await write(buf).catch((err: unknown) => void (failed = err));
      yield* take(); // records parsed before an error are still imported
      if (failed !== undefined) throw failed;
    }
    await end();
    yield* take();
    if (layout === undefined) throw new AppError('invalid_request', `${basename(path)} is empty: a CSV file needs a header row`, { field: 'file' });
  } catch (err) {
    failure = err;
  } finally {
    source.close();
  }
  const last = finalChunk(chunk, source, failure !== undefined);
  if (last) yield last;
  if (failure !== undefined) throw csvFailure(path, parsedThrough + 1, maxRecord, failure);
}

/** The line a record starts on: its end line minus the line breaks inside its quoted cells. */
function startLine(cells: readonly string[], endLine: number, previousEnd: number): number {
  if (endLine === previousEnd + 1) return endLine;
  let breaks = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

function csvFailure(path: string, line: number, maxRecord: number, err: unknown): AppError {
  if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
    return new AppError('invalid_request', `${basename(path)} line ${line}: a record longer than ${maxRecord} bytes starts here (an unclosed quote?)`, {
      field: 'file',
      cause: err,
    });
  }
  return readFailure(path, line, err);
}

function newChunk(firstLine: number): FileChunk {
  return { firstLine, lastLine: firstLine - 1, messages: [], lines: [], badLines: [], bytesRead: 0 };
}
