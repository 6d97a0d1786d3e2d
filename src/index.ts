/**
 * vloop: Python's asyncio on a deterministic virtual clock.
 * The public surface (see ../shared/asyncio-surface.d.ts): asyncio's names in
 * camelCase, positional parameters in order, keyword parameters in a trailing
 * options object. Every awaitable works as `await x` and as `yield* x`.
 */
export type { Coroutine, Awaitable, AwaitableLike } from "./types.js";
export { run, runSync, newEventLoop, type LoopOptions } from "./run.js";
export { Runner } from "./runner.js";
export { Handle, TimerHandle } from "./loop/handle.js";
export { EventLoop, eagerTaskFactory, type TaskFactory } from "./futures/eventLoop.js";
export type { CoroutineInput } from "./futures/task.js";
export { Future, labelFuture } from "./futures/future.js";
export { Task } from "./futures/task.js";
export { CoroutineObject } from "./futures/coroutine.js";
export { getRunningLoop, createTask, currentTask, allTasks } from "./asyncio/tasks.js";
export { sleep } from "./asyncio/sleep.js";
export { gather, gatherAll, type GatherOptions } from "./asyncio/gather.js";
export { ensureFuture } from "./asyncio/ensureFuture.js";
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  RuntimeError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  DeadlockError,
  StepBudgetExceeded,
  UsageError,
  VloopError,
} from "./errors.js";
export { coroutine, type Body } from "./futures/coroutine.js";
export { asyncWith, type AsyncContextManager } from "./asyncio/asyncWith.js";
export { Timeout, timeout, timeoutAt } from "./asyncio/timeouts.js";
export { waitFor } from "./asyncio/waitFor.js";
export { wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, type WaitOptions, type ReturnWhen } from "./asyncio/wait.js";
export { shield } from "./asyncio/shield.js";
export { asCompleted } from "./asyncio/asCompleted.js";
export { TaskGroup } from "./asyncio/taskGroup.js";
export { Lock } from "./sync/lock.js";
export { Event } from "./sync/event.js";
export { Condition } from "./sync/condition.js";
export { Semaphore, BoundedSemaphore } from "./sync/semaphore.js";
export { Barrier } from "./sync/barrier.js";
export { Queue, PriorityQueue, LifoQueue } from "./sync/queue.js";
export { ValueError, BrokenBarrierError, ExceptionGroup } from "./errors.js";
export { log } from "./scenario/log.js";
export {
  OSError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  BrokenPipeError,
  GaiError,
  IncompleteReadError,
  LimitOverrunError,
  FileNotFoundError,
  ProcessLookupError,
} from "./errors.js";
export { openConnection, startServer, createConnection, createServer, Server, type ServerOptions } from "./net/server.js";
export { StreamReader, StreamWriter, StreamReaderProtocol, type ClientConnected, type WritingTransport, type DrainingProtocol } from "./net/streams.js";
export { SocketTransport, type Transport, type StreamProtocol } from "./net/transport.js";
export { BaseProtocol, Protocol, BufferedProtocol, DatagramProtocol, type BaseTransport } from "./net/protocols.js";
export { DatagramTransport, createDatagramEndpoint, type DatagramEndpointOptions } from "./net/datagram.js";
export { Socket, socket, sockConnect, sockAccept, sockSendall, sockRecv, sockRecvInto, sockRecvfrom, sockRecvfromInto, sockSendto, type SocketOptions } from "./net/sockApi.js";
export type { Address } from "./net/kernel.js";
import "./net/loopMethods.js";
export { network, Network, type LinkOptions, type Latency, type MessageKind, type MessageInfo, type InFlight, type Verdict, type Rule, type HostMain } from "./net/network.js";
export { Host } from "./net/kernel.js";
export {
  createSubprocessExec,
  createSubprocessShell,
  Process,
  PIPE,
  STDOUT,
  DEVNULL,
  processes,
  ProcessTable,
  type SubprocessOptions,
  type StdioOption,
  type FixedResult,
  type Output,
  type Program,
  type ProgramContext,
  type ProgramSpec,
} from "./process/index.js";
