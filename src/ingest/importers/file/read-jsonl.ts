/**
 * Streams a JSONL file (one message per line) as chunks. Blank lines are skipped; a line that is not JSON is a bad
 * line (`invalid_json`); a line longer than `maxLineBytes` is a bad line (`line_too_long`) and is never buffered
 * whole, so memory stays bounded by one read chunk, one output chunk and one line.
 */
import { openByteSource, readFailure } from './byte-source.ts';
import { DEFAULT_MAX_LINE_BYTES, finalChunk, type FileChunk, type FileReadOptions, type ImportRejection } from './chunk.ts';

const NL = 10;

export async function* readJsonl(path: string, opts: FileReadOptions): AsyncGenerator<FileChunk, void, undefined> {
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const skipThrough = opts.skipThrough ?? 0;
  const source = await openByteSource(path, opts.gzip);

  let line = 0; // lines completed so far
  let chunk = newChunk(1);
  let carry: Buffer[] = []; // the current, unfinished line
  let carryBytes = 0;
  let overlong = false; // the current line passed maxLine: drop its bytes until its end

  const takeLine = (text: string) => {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    chunk.lastLine = line;
    const trimmed = text.trim();
    if (trimmed === '') return;
    try {
      chunk.messages.push(JSON.parse(trimmed));
      chunk.lines.push(line);
    } catch (err) {
      chunk.badLines.push({ line, code: 'invalid_json', message: `not valid JSON: ${shorten((err as Error).message)}` });
    }
  };
  const takeOverlong = () => {
    line++;
    chunk.lastLine = line;
    chunk.badLines.push(tooLong(line, maxLine));
  };
  const full = () => chunk.messages.length + chunk.badLines.length >= opts.batchSize;

  let failure: unknown;
  try {
    for await (const buf of source.chunks as AsyncIterable<Buffer>) {
      let pos = 0;
      // Resume: count the newlines of committed lines without decoding them.
      while (line < skipThrough && pos < buf.length) {
        const nl = buf.indexOf(NL, pos);
        if (nl === -1) {
          pos = buf.length;
          break;
        }
        line++;
        pos = nl + 1;
        if (line === skipThrough) chunk = newChunk(line + 1);
      }
      if (pos >= buf.length) continue;
      const lastNl = buf.lastIndexOf(NL);
      if (lastNl < pos) {
        appendCarry(buf.subarray(pos));
        continue;
      }
      // The carried partial line ends at the first newline of this buffer.
      const firstNl = buf.indexOf(NL, pos);
      if (carryBytes > 0 || overlong) {
        appendCarry(buf.subarray(pos, firstNl));
        finishCarry();
        pos = firstNl + 1;
      }
      if (pos <= lastNl) {
        const text = buf.toString('utf8', pos, lastNl);
        let start = 0;
        for (;;) {
          const end = text.indexOf('\n', start);
          const piece = end === -1 ? text.slice(start) : text.slice(start, end);
          if (piece.length > maxLine / 4 && Buffer.byteLength(piece) > maxLine) takeOverlong();
          else takeLine(piece);
          if (full()) {
            chunk.bytesRead = source.bytesRead();
            yield chunk;
            chunk = newChunk(line + 1);
          }
          if (end === -1) break;
          start = end + 1;
        }
      }
      if (lastNl + 1 < buf.length) appendCarry(buf.subarray(lastNl + 1));
      if (full()) {
        chunk.bytesRead = source.bytesRead();
        yield chunk;
        chunk = newChunk(line + 1);
      }
    }
    if (line >= skipThrough && (carryBytes > 0 || overlong)) finishCarry();
  } catch (err) {
    failure = err;
  } finally {
    source.close();
  }
  // Whatever was read before a failure is still imported; then the failure names the line it stopped at.
  const last = finalChunk(chunk, source, failure !== undefined);
  if (last) yield last;
  if (failure !== undefined) throw readFailure(path, line + 1, failure);

  function appendCarry(part: Buffer): void {
    if (overlong) return;
    if (carryBytes + part.length > maxLine) {
      overlong = true;
      carry = [];
      carryBytes = 0;
      return;
    }
    if (part.length === 0) return;
    carry.push(Buffer.from(part)); // copy: the read buffer is reused
    carryBytes += part.length;
  }
  function finishCarry(): void {
    if (overlong) takeOverlong();
    else takeLine(Buffer.concat(carry, carryBytes).toString('utf8'));
    carry = [];
    carryBytes = 0;
    overlong = false;
  }
}

function newChunk(firstLine: number): FileChunk {
  return { firstLine, lastLine: firstLine - 1, messages: [], lines: [], badLines: [], bytesRead: 0 };
}

function tooLong(line: number, max: number): ImportRejection {
  return { line, code: 'line_too_long', message: `line longer than ${max} bytes` };
}

export function shorten(s: string, max = 200): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}
