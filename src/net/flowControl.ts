/**
 * Flow control, written once: asyncio's two mixins (3.12).
 *
 * - `FlowControlTransport` is `transports._FlowControlMixin`, the transport's
 *   side of writing: the buffer marks (`set_write_buffer_limits`), and the
 *   calls to the protocol's `pause_writing()` when the buffer grows past the
 *   high mark and `resume_writing()` when it drains to the low one. The
 *   socket transport (through SelectorTransport) and the write-pipe transport
 *   extend it, as `_SelectorTransport` and `_UnixWritePipeTransport` do.
 * - `FlowControlProtocol` is `streams.FlowControlMixin`, the protocol's side:
 *   `pause_writing()`/`resume_writing()` open and close the gate that
 *   `StreamWriter.drain()` waits at. StreamReaderProtocol and
 *   SubprocessStreamProtocol extend it, as in asyncio.
 *
 * Reading's pause and resume (`pause_reading`) are selectorTransport.ts's.
 */
import { ConnectionResetError, ValueError, withoutStack } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future } from "../futures/future.js";
import type { SelectorLoop } from "./selectorLoop.js";

/** The protocol callbacks a FlowControlTransport makes (asyncio's BaseProtocol; both are optional here). */
export interface WritingProtocol {
  pauseWriting?(): void;
  resumeWriting?(): void;
}

/**
 * The write flow control of a transport: the buffer marks, and
 * pause_writing()/resume_writing() on the protocol as the buffer crosses
 * them. A subclass says how big its buffer is (getWriteBufferSize), and calls
 * `_maybePauseProtocol()` when the buffer grew and `_maybeResumeProtocol()`
 * when it shrank. Mirrors asyncio's `transports._FlowControlMixin`.
 * @example class PipeTransport extends FlowControlTransport { ... this._buffer.push(data); this._maybePauseProtocol(); }
 */
export abstract class FlowControlTransport {
  /** @internal the selector (null once the connection is lost); a failing callback is reported to its loop */
  abstract _sel: SelectorLoop | null;
  /** @internal the protocol (null once the connection is lost) */
  abstract _protocol: WritingProtocol | null;
  /** @internal pause_writing() was called and resume_writing() not yet */ _protocolPaused = false;
  /** @internal */ _highWater = 64 * 1024;
  /** @internal */ _lowWater = 16 * 1024;

  /**
   * Bytes buffered, not yet taken by the kernel. Mirrors `transport.get_write_buffer_size()`.
   * @example transport.getWriteBufferSize(); // 0 when the kernel took everything
   */
  abstract getWriteBufferSize(): number;

  /**
   * The write buffer marks [low, high]. Mirrors `transport.get_write_buffer_limits()`.
   * @example transport.getWriteBufferLimits(); // [16384, 65536]
   */
  getWriteBufferLimits(): [number, number] {
    return [this._lowWater, this._highWater];
  }

  /**
   * Sets the marks at which the protocol is paused and resumed; one given
   * derives the other (low = high // 4, high = 4 * low).
   * Mirrors `transport.set_write_buffer_limits(high=None, low=None)`.
   * @throws ValueError unless high >= low >= 0.
   * @example transport.setWriteBufferLimits({ high: 1000 }); // marks [250, 1000]
   */
  setWriteBufferLimits(options: { high?: number | null; low?: number | null } = {}): void {
    let high = options.high ?? null;
    let low = options.low ?? null;
    if (high === null) high = low === null ? 64 * 1024 : 4 * low;
    if (low === null) low = Math.floor(high / 4);
    if (!(high >= low && low >= 0)) throw new ValueError(`high (${high}) must be >= low (${low}) must be >= 0`);
    this._highWater = high;
    this._lowWater = low;
    this._maybePauseProtocol();
  }

  /** `_maybe_pause_protocol`: past the high mark, pause the protocol once; a raising pause_writing() goes to the loop's exception handler. */
  protected _maybePauseProtocol(): void {
    if (this.getWriteBufferSize() <= this._highWater || this._protocolPaused) return;
    this._protocolPaused = true;
    try {
      this._protocol?.pauseWriting?.();
    } catch (error) {
      this._sel?.loop._reportException({ message: "protocol.pause_writing() failed", exception: error });
    }
  }

  /** `_maybe_resume_protocol`: paused and down to the low mark, resume the protocol; a raising resume_writing() goes to the loop's exception handler. */
  protected _maybeResumeProtocol(): void {
    if (!this._protocolPaused || this.getWriteBufferSize() > this._lowWater) return;
    this._protocolPaused = false;
    try {
      this._protocol?.resumeWriting?.();
    } catch (error) {
      this._sel?.loop._reportException({ message: "protocol.resume_writing() failed", exception: error });
    }
  }
}

/**
 * The protocol's side of write flow control: while the transport has paused
 * it, `drain()` waits; resume_writing() (or the connection's loss) wakes
 * every waiting drain(). Mirrors asyncio's `streams.FlowControlMixin`.
 * @example class MyStreamProtocol extends FlowControlProtocol { ... } // writer.drain() waits in _drainHelper()
 */
export abstract class FlowControlProtocol {
  /** @internal */ readonly _loop: EventLoop;
  /** @internal pause_writing() was called and resume_writing() not yet */ _paused = false;
  /** @internal the futures drain() waits on */ readonly _drainWaiters: Future<undefined>[] = [];
  /** @internal connection_lost() was called */ _connectionLost = false;

  constructor(loop: EventLoop) {
    this._loop = loop;
  }

  /**
   * The transport's buffer went past its high mark: drain() waits from now on.
   * Mirrors `FlowControlMixin.pause_writing()`.
   * @example protocol.pauseWriting(); // called by the transport
   */
  pauseWriting(): void {
    this._paused = true;
  }

  /**
   * The transport's buffer is down to its low mark: wakes every waiting drain().
   * Mirrors `FlowControlMixin.resume_writing()`.
   * @example protocol.resumeWriting(); // called by the transport
   */
  resumeWriting(): void {
    this._paused = false;
    for (const waiter of this._drainWaiters) if (!waiter.done()) waiter.setResult(undefined);
  }

  /**
   * The connection is lost: a later drain() raises ConnectionResetError, and
   * drains waiting while paused end (with `exc` when there is one).
   * Mirrors `FlowControlMixin.connection_lost(exc)`.
   * @example protocol.connectionLost(null); // called by the transport
   */
  connectionLost(exc: unknown): void {
    this._connectionLost = true;
    // Ordering: asyncio wakes the waiters in the order their drain() calls began.
    if (!this._paused) return;
    for (const waiter of this._drainWaiters) {
      if (waiter.done()) continue;
      if (exc === null || exc === undefined) waiter.setResult(undefined);
      else waiter.setException(exc);
    }
  }

  /** @internal `_drain_helper`: what StreamWriter.drain() waits for; ConnectionResetError("Connection lost") once the connection is lost. */
  *_drainHelper(): Generator<unknown, void, unknown> {
    if (this._connectionLost) throw withoutStack(() => new ConnectionResetError("Connection lost"));
    if (!this._paused) return;
    const waiter = this._loop.createFuture<undefined>();
    this._drainWaiters.push(waiter);
    try {
      yield* waiter;
    } finally {
      this._drainWaiters.splice(this._drainWaiters.indexOf(waiter), 1);
    }
  }
}
