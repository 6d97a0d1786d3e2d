/**
 * SubprocessStreamProtocol: between the subprocess transport and a
 * Process's streams (asyncio/subprocess.py, 3.12, with streams.py's
 * FlowControlMixin for the stdin writer's drain()).
 */
import type { EventLoop } from "../futures/eventLoop.js";
import type { Future } from "../futures/future.js";
import { FlowControlProtocol } from "../net/flowControl.js";
import { StreamReader, StreamWriter } from "../net/streams.js";
import type { ReadPipeTransport, WritePipeTransport } from "./pipeTransport.js";
import type { SubprocessProtocol, SubprocessTransport } from "./subprocessTransport.js";

/**
 * Between the subprocess transport and the Process's streams: feeds stdout
 * and stderr to StreamReaders, writes stdin through a StreamWriter, and
 * closes the transport once the child exited and its pipes closed.
 * Mirrors asyncio's `SubprocessStreamProtocol` (with `FlowControlMixin`).
 */
export class SubprocessStreamProtocol extends FlowControlProtocol implements SubprocessProtocol {
  /** @internal */ readonly _limit: number;
  /** the child's stdin, when it is a pipe */ stdin: StreamWriter<WritePipeTransport, SubprocessStreamProtocol> | null = null;
  /** the child's stdout, when it is a pipe */ stdout: StreamReader | null = null;
  /** the child's stderr, when it is a pipe */ stderr: StreamReader | null = null;
  /** @internal */ _transport: SubprocessTransport | null = null;
  /** @internal */ _processExited = false;
  /** @internal */ readonly _pipeFds: number[] = [];
  /** @internal the stdin writer's close waiter (`_stdin_closed`) */ readonly _closed: Future<void>;

  /** @internal made by createSubprocessExec/Shell */
  constructor(limit: number, loop: EventLoop) {
    super(loop);
    this._limit = limit;
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
}
