import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import type { Exchange } from './exchange.js';

/** A recording that cannot be read; the message names the file and line. */
export class RecordingError extends Error {
  override name = 'RecordingError';
}

/** Appends one JSON line per exchange (a recording may hold several runs; each line names its run). */
export class RecordingWriter {
  readonly #stream: WriteStream;

  constructor(file: string) {
    this.#stream = createWriteStream(file, { flags: 'a' });
  }

  /** Resolves once the line is handed to the file (a reader of the file then sees it). */
  write(exchange: Exchange): Promise<void> {
    return new Promise((resolve, reject) => this.#stream.write(`${JSON.stringify(exchange)}\n`, (error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** Every exchange of a recording, in the order they were written. */
export function readRecording(file: string): Exchange[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RecordingError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new RecordingError(`${file}:${index + 1}: not JSON`);
    }
    if (!isExchange(parsed))
      throw new RecordingError(`${file}:${index + 1}: not an exchange of contact-sandbox proxy (needs run, seq, vendor, session, request, real, sandbox, differences)`);
    return [parsed];
  });
}

function isExchange(value: unknown): value is Exchange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const request = v['request'] as Record<string, unknown> | undefined;
  return (
    typeof v['run'] === 'string' &&
    typeof v['seq'] === 'number' &&
    typeof v['vendor'] === 'string' &&
    typeof v['session'] === 'string' &&
    typeof request?.['method'] === 'string' &&
    typeof request['url'] === 'string' &&
    typeof v['real'] === 'object' &&
    typeof v['sandbox'] === 'object' &&
    Array.isArray(v['differences'])
  );
}
