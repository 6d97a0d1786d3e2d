/**
 * Streams: asyncio's StreamReader, StreamWriter and StreamReaderProtocol
 * (streams.py, 3.12, and 3.13's readuntil of several separators), on the
 * simulated network's transports. The same
 * futures are awaited in the same places as in asyncio, so a read resumes
 * its task in the iteration after the data arrives, a read that finds its
 * bytes already buffered does not suspend, and drain() suspends only when
 * the transport paused the protocol (or, once, when the writer is closing).
 */
import { showTyped } from "../util/showValue.js";
import { ConnectionResetError, IncompleteReadError, LimitOverrunError, RuntimeError, ValueError, withoutStack } from "../errors.js";
import { type CoroutineObject, GenCoroutine } from "../futures/coroutine.js";
import { isCoroutineObject } from "../futures/coroutineInput.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future, Waker } from "../futures/future.js";
import type { Task } from "../futures/task.js";
import { sleep } from "../asyncio/sleep.js";
import { requireLoop } from "../loop/running.js";
import { ByteBuffer } from "./byteBuffer.js";
import { FlowControlProtocol } from "./flowControl.js";
import type { SocketTransport } from "./transport.js";
import type { Protocol } from "./protocols.js";
import { noTimeout } from "../util/args.js";

/** streams._DEFAULT_LIMIT: 64 KiB */
export const DEFAULT_LIMIT = 2 ** 16;

const NEWLINE = new Uint8Array([0x0a]);
/** readline()'s separators, made once (readuntil takes a list of them, as 3.13 makes one of a single separator). */
const NEWLINE_ONLY: readonly Uint8Array[] = [NEWLINE];
const EMPTY = new Uint8Array(0);

/** What a StreamReader needs of its transport: a socket's, or a pipe's (src/process). */
export interface ReadingTransport {
  pauseReading(): void;
  resumeReading(): void;
}

/** What a StreamWriter needs of its transport: a socket's, or a pipe's (src/process). */
export interface WritingTransport {
  write(data: Uint8Array): void;
  writelines(data: Iterable<Uint8Array>): void;
  writeEof(): void;
  canWriteEof(): boolean;
  close(): void;
  isClosing(): boolean;
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
}

/**
 * What a StreamWriter needs of its protocol: asyncio's FlowControlMixin
 * `_drain_helper`, and the future `wait_closed()` awaits (`_get_close_waiter`).
 */
export interface DrainingProtocol {
  /** @internal resolved when the writer's side is closed */ readonly _closed: Future<void>;
  /** @internal FlowControlMixin._drain_helper */ _drainHelper(): Generator<unknown, void, unknown>;
  /** @internal FlowControlMixin's state, which drain() checks before calling _drainHelper */ readonly _connectionLost: boolean;
  /** @internal */ readonly _paused: boolean;
}

/** What startServer calls for each connection: a generator function, an async function, or a plain function. */
export type ClientConnected = (reader: StreamReader, writer: StreamWriter) => unknown;

/**
 * The reading end of a connection: a buffer the protocol feeds and
 * coroutines that wait for it. Mirrors asyncio.StreamReader.
 * @throws ValueError if limit <= 0.
 * @example const line = yield* reader.readline();
 */
export class StreamReader {
  /** @internal */ readonly _limit: number;
  /** @internal */ readonly _loop: EventLoop;
  /** @internal */ readonly _buffer = new ByteBuffer();
  /** @internal */ _eof = false;
  /** @internal the future a read waits on (_wait_for_data) */ _waiter: Future<undefined> | null = null;
  /** @internal */ _exception: unknown = null;
  /** @internal */ _transport: ReadingTransport | null = null;
  /** @internal reading was paused: the buffer went past twice the limit */ _paused = false;

  constructor(options: { limit?: number } = {}) {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (typeof limit !== "number" || !(limit > 0)) throw new ValueError("Limit cannot be <= 0");
    this._limit = limit;
    this._loop = requireLoop("StreamReader()") as EventLoop;
  }

  /** The error the stream ended with, or null. Mirrors `StreamReader.exception()`. */
  exception(): unknown {
    return this._exception;
  }

  /** Ends the stream with `exc`: a waiting read raises it. Mirrors `StreamReader.set_exception(exc)`. */
  setException(exc: unknown): void {
    this._exception = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setException(exc);
    }
  }

  private _wakeupWaiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** @internal Mirrors `StreamReader.set_transport(transport)`. */
  setTransport(transport: ReadingTransport): void {
    if (this._transport !== null) throw new RuntimeError("Transport already set");
    this._transport = transport;
  }

  private _maybeResumeTransport(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      (this._transport as ReadingTransport).resumeReading();
    }
  }

  /** Marks the end of the stream. Mirrors `StreamReader.feed_eof()`. */
  feedEof(): void {
    this._eof = true;
    this._wakeupWaiter();
  }

  /** True when the stream ended and the buffer is empty. Mirrors `StreamReader.at_eof()`. */
  atEof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  /**
   * Adds bytes to the buffer and wakes a waiting read.
   * Mirrors `StreamReader.feed_data(data)`.
   * @throws RuntimeError after feedEof().
   */
  feedData(data: Uint8Array): void {
    if (this._eof) throw new RuntimeError("feed_data after feed_eof");
    if (data.length === 0) return;
    this._buffer.extend(data);
    this._wakeupWaiter();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      this._transport.pauseReading();
      this._paused = true;
    }
  }

  private *_waitForData(funcName: string): Generator<unknown, void, unknown> {
    if (this._waiter !== null) {
      throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
    }
    if (this._paused) {
      this._paused = false;
      (this._transport as ReadingTransport).resumeReading();
    }
    const waiter = this._loop.createFuture<undefined>();
    this._waiter = waiter;
    try {
      yield* waiter;
    } finally {
      this._waiter = null;
    }
  }

  /**
   * Reads up to `n` bytes (n < 0: until EOF); b'' at EOF.
   * Mirrors `StreamReader.read(n=-1)`.
   * @throws the stream's exception (ConnectionResetError...); RuntimeError if another read waits.
   * @example const data = yield* reader.read(100);
   */
  read(n?: number): CoroutineObject<Uint8Array>;
  read(n = -1, extra?: unknown): CoroutineObject<Uint8Array> {
    if (extra !== undefined) throw noTimeout("StreamReader.read(n)", extra, "one argument, n", "reader.read(n)");
    return new GenCoroutine(() => this._read(n), "StreamReader.read()");
  }

  private *_read(n: number): Generator<unknown, Uint8Array, unknown> {
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    if (n < 0) {
      const blocks: Uint8Array[] = [];
      for (;;) {
        const block = yield* this._read(this._limit);
        if (block.length === 0) break;
        blocks.push(block);
      }
      return concat(blocks);
    }
    if (this._buffer.length === 0 && !this._eof) yield* this._waitForData("read");
    const data = this._buffer.take(n);
    this._maybeResumeTransport();
    return data;
  }

  /**
   * Reads one line, up to and including b'\n'; at EOF, what is left (maybe b'').
   * Mirrors `StreamReader.readline()`.
   * @throws ValueError if the line is longer than the limit (the line is dropped).
   * @example const line = await reader.readline();
   */
  readline(): CoroutineObject<Uint8Array>;
  readline(extra?: unknown): CoroutineObject<Uint8Array> {
    if (extra !== undefined) throw noTimeout("StreamReader.readline()", extra, "no arguments", "reader.readline()");
    return new GenCoroutine(() => this._readline(), "StreamReader.readline()");
  }

  /** @internal */
  *_readline(): Generator<unknown, Uint8Array, unknown> {
    try {
      return yield* this._readuntil(NEWLINE_ONLY);
    } catch (e) {
      if (e instanceof IncompleteReadError) return e.partial;
      if (e instanceof LimitOverrunError) {
        if (this._buffer.startsWith(NEWLINE, e.consumed)) this._buffer.drop(e.consumed + NEWLINE.length);
        else this._buffer.clear();
        this._maybeResumeTransport();
        throw new ValueError(e.message);
      }
      throw e;
    }
  }

  /**
   * Reads up to and including `separator`, or, given several separators
   * (Python 3.13's tuple), up to the end of the first match, the one that
   * ends soonest (the shorter one first where two end at once).
   * Mirrors `StreamReader.readuntil(separator=b'\n')`.
   * @throws ValueError for an empty separator or none at all; LimitOverrunError past the
   *   limit (the bytes stay buffered); IncompleteReadError at EOF without it;
   *   TypeError for a separator that is not a Uint8Array.
   * @example const record = yield* reader.readuntil(new Uint8Array([0x7c]));
   * const line = yield* reader.readuntil([b("\r\n"), b("\n")]); // either line ending
   */
  readuntil(separator?: Uint8Array | readonly Uint8Array[]): CoroutineObject<Uint8Array>;
  readuntil(separator: Uint8Array | readonly Uint8Array[] = NEWLINE, extra?: unknown): CoroutineObject<Uint8Array> {
    if (extra !== undefined) throw noTimeout("StreamReader.readuntil(separator)", extra, "one argument, the separator", "reader.readuntil(separator)");
    if (Array.isArray(separator)) {
      separator.forEach((sep: unknown, i) => {
        if (!(sep instanceof Uint8Array)) throw new TypeError(`StreamReader.readuntil: separator ${i} must be a Uint8Array (got ${showTyped(sep)})`);
      });
      // sorted by length, as 3.13 sorts the tuple (a stable sort: equal lengths keep their order)
      const seps = [...(separator as readonly Uint8Array[])].sort((a, c) => a.length - c.length);
      return new GenCoroutine(() => this._readuntil(seps), "StreamReader.readuntil()");
    }
    if (!(separator instanceof Uint8Array)) throw new TypeError(`StreamReader.readuntil: the separator must be a Uint8Array or an array of them (got ${showTyped(separator)})`);
    const seps = separator === NEWLINE ? NEWLINE_ONLY : [separator as Uint8Array];
    return new GenCoroutine(() => this._readuntil(seps), "StreamReader.readuntil()");
  }

  /**
   * readuntil's loop over one or more separators, sorted by length (3.13's,
   * which makes a list of a single separator; with one it is 3.12's loop):
   * the match that ends first wins.
   */
  private *_readuntil(seps: readonly Uint8Array[]): Generator<unknown, Uint8Array, unknown> {
    if (seps.length === 0) throw new ValueError("Separator should contain at least one element");
    const minSeplen = seps[0].length;
    const maxSeplen = seps[seps.length - 1].length;
    if (minSeplen === 0) throw new ValueError("Separator should be at least one-byte string");
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    let matchStart = -1;
    let matchEnd = -1;
    for (;;) {
      const buflen = this._buffer.length;
      if (buflen - offset >= minSeplen) {
        for (const sep of seps) {
          const isep = this._buffer.find(sep, offset);
          if (isep !== -1 && (matchEnd === -1 || isep + sep.length < matchEnd)) {
            matchEnd = isep + sep.length;
            matchStart = isep;
          }
        }
        if (matchEnd !== -1) break;
        offset = Math.max(0, buflen + 1 - maxSeplen);
        if (offset > this._limit) throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
      }
      if (this._eof) {
        const chunk = this._buffer.take(this._buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      yield* this._waitForData("readuntil");
    }
    if (matchStart > this._limit) throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
    const chunk = this._buffer.take(matchEnd);
    this._maybeResumeTransport();
    return chunk;
  }

  /**
   * Reads exactly `n` bytes.
   * Mirrors `StreamReader.readexactly(n)`.
   * @throws ValueError if n < 0; IncompleteReadError(partial, n) at EOF before n bytes.
   * @example const header = yield* reader.readexactly(4);
   */
  readexactly(n: number): CoroutineObject<Uint8Array>;
  readexactly(n: number, extra?: unknown): CoroutineObject<Uint8Array> {
    if (extra !== undefined) throw noTimeout("StreamReader.readexactly(n)", extra, "one argument, n", "reader.readexactly(n)");
    return new GenCoroutine(() => this._readexactly(n), "StreamReader.readexactly()");
  }

  private *_readexactly(n: number): Generator<unknown, Uint8Array, unknown> {
    if (n < 0) throw new ValueError("readexactly size can not be less than zero");
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    while (this._buffer.length < n) {
      if (this._eof) throw new IncompleteReadError(this._buffer.take(this._buffer.length), n);
      yield* this._waitForData("readexactly");
    }
    const data = this._buffer.take(n);
    this._maybeResumeTransport();
    return data;
  }

  /**
   * `for await (const line of reader)`: lines until EOF, as Python's
   * `async for line in reader` (each step is a readline()).
   * Mirrors `StreamReader.__aiter__` / `__anext__`.
   * @example for await (const line of reader) log(line);
   */
  [Symbol.asyncIterator](): { next(): CoroutineObject<IteratorResult<Uint8Array, undefined>>; [Symbol.asyncIterator](): unknown } {
    const self = this;
    const it = {
      next(): CoroutineObject<IteratorResult<Uint8Array, undefined>> {
        return new GenCoroutine(() => nextLine(self), "StreamReader.__anext__()");
      },
      [Symbol.asyncIterator]() {
        return it;
      },
    };
    return it;
  }

  /** asyncio's repr: `<StreamReader 3 bytes eof>` */
  toString(): string {
    const info = ["StreamReader"];
    if (this._buffer.length > 0) info.push(`${this._buffer.length} bytes`);
    if (this._eof) info.push("eof");
    if (this._limit !== DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._paused) info.push("paused");
    return `<${info.join(" ")}>`;
  }
}

/**
 * The writing end of a connection: writes go to the transport at once;
 * drain() waits while the transport's buffer is above its high mark.
 * Mirrors asyncio.StreamWriter.
 * @example writer.write(bytes); yield* writer.drain();
 */
export class StreamWriter<T extends WritingTransport = SocketTransport, P extends DrainingProtocol = StreamReaderProtocol> {
  /** @internal */ readonly _transport: T;
  /** @internal */ readonly _protocol: P;
  /** @internal */ readonly _reader: StreamReader | null;

  /** @internal made by openConnection, the server's protocol, and the subprocess protocol */
  constructor(transport: T, protocol: P, reader: StreamReader | null) {
    this._transport = transport;
    this._protocol = protocol;
    this._reader = reader;
  }

  /** The transport. Mirrors `StreamWriter.transport`. */
  get transport(): T {
    return this._transport;
  }

  /**
   * Writes bytes. Mirrors `StreamWriter.write(data)`.
   * @throws TypeError if data is not a Uint8Array; RuntimeError after writeEof().
   * @example writer.write(new TextEncoder().encode("hello\n"));
   */
  write(data: Uint8Array): void {
    this._transport.write(data);
  }

  /**
   * Writes each chunk in order. Mirrors `StreamWriter.writelines(data)`.
   * @throws RuntimeError after writeEof().
   */
  writelines(data: Iterable<Uint8Array>): void {
    this._transport.writelines(data);
  }

  /** Sends EOF after the buffered bytes; the reading half stays open. Mirrors `StreamWriter.write_eof()`. */
  writeEof(): void {
    this._transport.writeEof();
  }

  /** True for TCP. Mirrors `StreamWriter.can_write_eof()`. */
  canWriteEof(): boolean {
    return this._transport.canWriteEof();
  }

  /** Closes the connection (after the buffered bytes). Mirrors `StreamWriter.close()`. */
  close(): void {
    this._transport.close();
  }

  /** True once closing. Mirrors `StreamWriter.is_closing()`. */
  isClosing(): boolean {
    return this._transport.isClosing();
  }

  /**
   * Waits until the connection is closed.
   * Mirrors `StreamWriter.wait_closed()`.
   * @throws the error the connection was lost with (ConnectionResetError...).
   * @example writer.close(); yield* writer.waitClosed();
   */
  waitClosed(): CoroutineObject<void>;
  waitClosed(extra?: unknown): CoroutineObject<void> {
    if (extra !== undefined) throw noTimeout("StreamWriter.waitClosed()", extra, "no arguments", "writer.waitClosed()");
    const closed = this._protocol._closed;
    return new GenCoroutine(() => awaitClosed(closed), "StreamWriter.wait_closed()");
  }

  /**
   * Extra information from the transport: "peername", "sockname" ([host,
   * port]), "socket"; `defaultValue` for others. Mirrors `StreamWriter.get_extra_info(name, default=None)`.
   * @example const [host, port] = writer.getExtraInfo("peername") as [string, number];
   */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return this._transport.getExtraInfo(name, defaultValue);
  }

  /**
   * Waits until the transport's buffer is small enough to write more.
   * Mirrors `StreamWriter.drain()`.
   * @throws the reader's exception (ConnectionResetError after a reset);
   *   ConnectionResetError('Connection lost') once the connection is lost.
   * @example writer.write(data); await writer.drain();
   */
  drain(): CoroutineObject<void>;
  drain(extra?: unknown): CoroutineObject<void> {
    if (extra !== undefined) throw noTimeout("StreamWriter.drain()", extra, "no arguments", "writer.drain()");
    return new GenCoroutine(() => this._drain(), "StreamWriter.drain()");
  }

  private *_drain(): Generator<unknown, void, unknown> {
    if (this._reader !== null) {
      const exc = this._reader.exception();
      if (exc !== null) throw exc;
    }
    if (this._transport.isClosing()) yield* sleep(0);
    const protocol = this._protocol;
    // _drainHelper's own first checks, here, so that the usual drain (not paused) makes no generator for it
    if (protocol._connectionLost) throw withoutStack(() => new ConnectionResetError("Connection lost"));
    if (!protocol._paused) return;
    yield* protocol._drainHelper();
  }

  /** asyncio's repr */
  toString(): string {
    return "<StreamWriter>";
  }
}

/**
 * The protocol between a transport and a StreamReader (with asyncio's
 * FlowControlMixin for drain). On a server it makes the StreamWriter and
 * starts the client-connected callback as a task. Mirrors asyncio.StreamReaderProtocol.
 */
export class StreamReaderProtocol extends FlowControlProtocol implements Protocol {
  /** @internal */ _streamReader: StreamReader | null;
  /** @internal */ _streamWriter: StreamWriter | null = null;
  /** @internal */ _task: Task<unknown> | null = null;
  /** @internal */ _transport: SocketTransport | null = null;
  /** @internal */ readonly _clientConnectedCb: ClientConnected | null;
  /** @internal resolved when the connection is lost */ readonly _closed: Future<void>;

  constructor(streamReader: StreamReader | null, clientConnectedCb: ClientConnected | null = null) {
    super(requireLoop("StreamReaderProtocol()") as EventLoop);
    this._streamReader = streamReader;
    this._clientConnectedCb = clientConnectedCb;
    this._closed = this._loop.createFuture<void>();
  }

  /** Mirrors `protocol.connection_made(transport)`. */
  connectionMade(transport: SocketTransport): void {
    this._transport = transport;
    const reader = this._streamReader;
    if (reader !== null) reader.setTransport(transport);
    const cb = this._clientConnectedCb;
    if (cb !== null) {
      const writer = new StreamWriter(transport, this, reader);
      this._streamWriter = writer;
      let task: Task<unknown> | null = null;
      const kind = cb.constructor?.name;
      if (kind === "GeneratorFunction" || kind === "AsyncFunction") {
        task = this._loop.createTask(() => cb(reader as StreamReader, writer) as Generator<unknown, unknown, unknown>);
      } else {
        const res = cb(reader as StreamReader, writer);
        if (isCoroutineObject(res)) task = this._loop.createTask(res as Generator<unknown, unknown, unknown>);
      }
      if (task !== null) {
        this._task = task;
        task._addWaker(new HandlerDone(this._loop, transport));
      }
    }
  }

  /** Mirrors `protocol.connection_lost(exc)`: EOF (or the error) to the reader, the close waiter resolved. */
  override connectionLost(exc: unknown): void {
    const reader = this._streamReader;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    if (!this._closed.done()) {
      if (exc === null) this._closed.setResult(undefined);
      else this._closed.setException(exc);
    }
    super.connectionLost(exc); // FlowControlMixin.connection_lost: wakes drain() waiters
    this._streamReader = null;
    this._streamWriter = null;
    this._task = null;
    this._transport = null;
  }

  /** Mirrors `protocol.data_received(data)`. */
  dataReceived(data: Uint8Array): void {
    this._streamReader?.feedData(data);
  }

  /** Mirrors `protocol.eof_received()`: feeds EOF and keeps the transport open (true). */
  eofReceived(): boolean {
    this._streamReader?.feedEof();
    return true;
  }

}

/** b''.join(blocks) */
function concat(blocks: Uint8Array[]): Uint8Array {
  if (blocks.length === 0) return EMPTY;
  if (blocks.length === 1) return blocks[0];
  let n = 0;
  for (const b of blocks) n += b.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

// Coroutine bodies at module level, not made per call: a generator function
// made per call costs a V8 map that keeps the run alive through minor garbage
// collections (see createConnectionBody in server.ts).

/** StreamReader.__anext__: the next line, done at EOF. */
function* nextLine(reader: StreamReader): Generator<unknown, IteratorResult<Uint8Array, undefined>, unknown> {
  const line = yield* reader._readline();
  return line.length === 0 ? { done: true as const, value: undefined } : { done: false as const, value: line };
}

/** StreamWriter.wait_closed: the protocol's closed future. */
function* awaitClosed(closed: Future<void>): Generator<unknown, void, unknown> {
  yield* closed;
}

/**
 * asyncio's done callback on a client_connected_cb task (named `callback`
 * there too): a handler that failed is reported and its connection closed.
 * An object with the loop and the transport, not a closure per connection
 * (see SelectorIo in selectorLoop.ts).
 */
class HandlerDone implements Waker {
  constructor(
    readonly loop: EventLoop,
    readonly transport: SocketTransport,
  ) {}

  _scheduleWake(fut: Future<unknown>): void {
    this.loop._callSoon(callback, 2, this, fut);
  }

  _wakeupFrom(fut: Future<unknown>): void {
    callback(this, fut);
  }
}

function callback(done: HandlerDone, t: Future<unknown>): void {
  if (t.cancelled()) return;
  const exc = t.exception();
  if (exc !== null && exc !== undefined) {
    done.loop.callExceptionHandler({ message: "Unhandled exception in client_connected_cb", exception: exc });
    done.transport.close();
  }
}
