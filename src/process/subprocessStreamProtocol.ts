/**
 * SubprocessStreamProtocol: between the subprocess transport and a
 * Process's streams (asyncio/subprocess.py, 3.12, with streams.py's
 * FlowControlMixin for the stdin writer's drain()).
 */
import { ConnectionResetError } from "../errors.js";
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future } from "../futures/future.js";
import { StreamReader, StreamWriter } from "../net/streams.js";
import type { ReadPipeTransport, WritePipeTransport } from "./pipeTransport.js";
import type { SubprocessProtocol, SubprocessTransport } from "./subprocessTransport.js";

/**
 * Between the subprocess transport and the Process's streams: feeds stdout
 * and stderr to StreamReaders, writes stdin through a StreamWriter, and
 * closes the transport once the child exited and its pipes closed.
 * Mirrors asyncio's `SubprocessStreamProtocol` (with `FlowControlMixin`).
 */
export class SubprocessStreamProtocol implements SubprocessProtocol {
  /** @internal */ readonly _limit: number;
  /** @internal */ readonly _loop: EventLoop;
  /** the child's stdin, when it is a pipe */ stdin: StreamWriter<WritePipeTransport, SubprocessStreamProtocol> | null = null;
  /** the child's stdout, when it is a pipe */ stdout: StreamReader | null = null;
  /** the child's stderr, when it is a pipe */ stderr: StreamReader | null = null;
  /** @internal */ _transport: SubprocessTransport | null = null;
  /** @internal */ _processExited = false;
  /** @internal */ readonly _pipeFds: number[] = [];
  /** @internal the stdin writer's close waiter (`_stdin_closed`) */ readonly _closed: Future<void>;
  /** @internal FlowControlMixin */ _paused = false;
  /** @internal */ readonly _drainWaiters: Future<undefined>[] = [];
  /** @internal */ _connectionLost = false;

  /** @internal made by createSubprocessExec/Shell */
  constructor(limit: number, loop: EventLoop) {
    this._limit = limit;
    this._loop = loop;
    this._closed = loop.createFuture<void>();
  }

  /** Mirrors `connection_made(transport)`: makes the streams of the pipes there are. */
  connectionMade(transport: SubprocessTransport): void {
    this._transport = transport;
    const out = transport.getPipeTransport(1) as ReadPipeTransport | null;
    if (out !== null) {
      this.stdout = new StreamReader({ limit: this._limit });
      this.stdout.setTransport(out);
      this._pipeFds.push(1);
    }
    const err = transport.getPipeTransport(2) as ReadPipeTransport | null;
    if (err !== null) {
      this.stderr = new StreamReader({ limit: this._limit });
      this.stderr.setTransport(err);
      this._pipeFds.push(2);
    }
    transport._readers = [null, this.stdout, this.stderr];
    const inp = transport.getPipeTransport(0) as WritePipeTransport | null;
    if (inp !== null) this.stdin = new StreamWriter<WritePipeTransport, SubprocessStreamProtocol>(inp, this, null);
  }

  /** Mirrors `pipe_data_received(fd, data)`. */
  pipeDataReceived(fd: number, data: Uint8Array): void {
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    reader?.feedData(data);
  }

  /** Mirrors `pipe_connection_lost(fd, exc)`. */
  pipeConnectionLost(fd: number, exc: unknown): void {
    if (fd === 0) {
      this.stdin?.close();
      this.connectionLost(exc);
      if (exc === null || exc === undefined) this._closed.setResult(undefined);
      else this._closed.setException(exc);
      return;
    }
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    if (reader !== null) {
      if (exc === null || exc === undefined) reader.feedEof();
      else reader.setException(exc);
    }
    const i = this._pipeFds.indexOf(fd);
    if (i >= 0) this._pipeFds.splice(i, 1);
    this._maybeCloseTransport();
  }

  /** Mirrors `process_exited()`. */
  processExited(): void {
    this._processExited = true;
    this._maybeCloseTransport();
  }

  private _maybeCloseTransport(): void {
    if (this._pipeFds.length === 0 && this._processExited) {
      this._transport?.close();
      this._transport = null;
    }
  }

  /** FlowControlMixin.connection_lost: wakes drain() waiters. */
  connectionLost(exc: unknown): void {
    this._connectionLost = true;
    if (!this._paused) return;
    this._paused = false;
    for (const waiter of this._drainWaiters) {
      if (waiter.done()) continue;
      if (exc === null || exc === undefined) waiter.setResult(undefined);
      else waiter.setException(exc);
    }
  }

  /** FlowControlMixin.pause_writing */
  pauseWriting(): void {
    this._paused = true;
  }

  /** FlowControlMixin.resume_writing: wakes every drain() */
  resumeWriting(): void {
    this._paused = false;
    for (const waiter of this._drainWaiters) if (!waiter.done()) waiter.setResult(undefined);
  }

  /** @internal FlowControlMixin._drain_helper */
  *_drainHelper(): Generator<unknown, void, unknown> {
    if (this._connectionLost) throw new ConnectionResetError("Connection lost");
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
