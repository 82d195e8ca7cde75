// The stdio transport, guarded. vscode-jsonrpc's reader reports a frame without Content-Length
// and then reads the body as headers forever; a Content-Length of 10^12 makes it buffer
// everything that follows. A server in that state answers nothing and never exits, so the
// client never restarts it. Here every frame is checked as it arrives, and any framing error
// (also one the reader finds: a body that is not JSON, a frame left incomplete) ends the
// process with one line on stderr and exit status 1.
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { errorMessage } from './analysis/errors';

/** Larger than any didOpen of a file the server reads (32 MiB of text, JSON-escaped). */
export const MAX_MESSAGE_BYTES = 128 * 2 ** 20;
const MAX_HEADER_BYTES = 8192;
/** A frame left incomplete this long is a wrong Content-Length: a local pipe delivers in milliseconds. */
const PARTIAL_MESSAGE_MS = 5000;

/** Follows the frames of a byte stream; `push` returns what is wrong with them, if anything. */
export class FrameScanner {
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** Body bytes still to skip; -1 while reading a header. */
  private body = -1;

  constructor(private readonly maxMessage = MAX_MESSAGE_BYTES) {}

  push(chunk: Buffer): string | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.body >= 0) {
        const take = Math.min(this.body, chunk.length - at);
        this.body -= take;
        at += take;
        if (this.body === 0) this.body = -1;
        continue;
      }
      const rest = chunk.subarray(at);
      this.header.push(rest);
      this.headerBytes += rest.length;
      const all = Buffer.concat(this.header);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.headerBytes > MAX_HEADER_BYTES) return `a header longer than ${MAX_HEADER_BYTES} bytes`;
        this.header = [all];
        return undefined;
      }
      const problem = this.judge(all.subarray(0, end).toString('ascii'));
      if (problem) return problem;
      this.header = [];
      this.headerBytes = 0;
      // Continue with what followed the header inside this chunk.
      const consumed = end + 4 - (all.length - rest.length);
      at += consumed;
    }
    return undefined;
  }

  private judge(header: string): string | undefined {
    let length: string | undefined;
    for (const line of header.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return `a header line without a name: ${JSON.stringify(line.slice(0, 80))}`;
      if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
    }
    if (length === undefined) return 'a frame without Content-Length';
    if (!/^\d{1,12}$/.test(length)) return `Content-Length is not a number: ${JSON.stringify(length.slice(0, 40))}`;
    const n = Number(length);
    if (n > this.maxMessage) return `Content-Length ${n} is larger than the limit (${this.maxMessage} bytes)`;
    this.body = n === 0 ? -1 : n;
    return undefined;
  }
}

function die(problem: string): never {
  process.stderr.write(
    `gateway-lens server: malformed LSP input over stdio (${problem}); exiting so the client can restart it.\n`,
  );
  process.exit(1);
}

/** A reader and writer over stdin/stdout that end the process on a framing error. */
export function guardedStdio(): [MessageReader, MessageWriter] {
  const scanner = new FrameScanner();
  // Registered before the reader's own listener: a bad frame never reaches it.
  process.stdin.on('data', (chunk: Buffer) => {
    const problem = scanner.push(chunk);
    if (problem) die(problem);
  });
  // The library's stream setup exits when stdin ends; with a reader given, that is ours to do.
  process.stdin.on('end', () => process.exit(1));
  const reader = new StreamMessageReader(process.stdin);
  reader.partialMessageTimeout = PARTIAL_MESSAGE_MS;
  reader.onError((err) => die(errorMessage(err).split('\n')[0]));
  reader.onPartialMessage((info) =>
    die(`a frame still incomplete after ${info.waitingTime} ms: Content-Length is wrong`),
  );
  // stdout carries the protocol: anything printed with console.log would corrupt it.
  console.log = console.info = console.warn = console.error;
  return [reader, new StreamMessageWriter(process.stdout)];
}
