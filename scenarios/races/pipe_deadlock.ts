/**
 * A subprocess pipe deadlock: a CI step restores the build cache, runs
 * `make`, waits for it to exit, and only then reads its log. With the cache
 * make compiles two files and prints three lines; when the cache is slow the
 * step builds without it, make compiles everything, and its log fills the
 * pipe: make blocks writing, the step waits for make to exit, and nothing can
 * run again. As in CPython (the asyncio docs warn about exactly this `wait()`).
 */
import {
  PIPE,
  type StreamReader,
  type StreamWriter,
  TimeoutError,
  createSubprocessExec,
  network,
  openConnection,
  processes,
  sleep,
  startServer,
  waitFor,
} from "../../src/index.js";
import type { ProgramContext } from "../../src/index.js";
import type { RaceMeta } from "./types.js";

export const meta: RaceMeta = {
  title: "a subprocess pipe deadlock (wait() before reading a full pipe)",
  bug: "the CI step runs `make` with its stdout on a pipe and calls `proc.wait()` before it reads make's log. With the build cache make compiles 2 files and prints three lines; when the cache answers later than the step's 0.5 s, the step builds without it and make prints a line for each of 6000 files, 444 KB. The stream stops reading the pipe once it holds more than 128 KiB, the pipe takes 64 KiB more, and make blocks in its next write while the step waits for it to exit.",
  fix: "the step reads the log while it waits: `proc.communicate()` (or read stdout to EOF, then `wait()`).",
  strategy: "dfs",
  budget: 50,
  heisenbug: true,
  network: true,
  throws: { name: "DeadlockError", message: /^deadlock at t=[\d.]+: .*Process\.wait\(\) for pid \d+ \(make\): the child is blocked writing to a full pipe/s },
};

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

/** The project: 6000 sources; the cache holds the objects of the last green build, all but the 2 files this commit changed. */
const SOURCES = Array.from({ length: 6000 }, (_, i) => `net/module${String(i).padStart(4, "0")}`);
const CHANGED = new Set(["net/module0042", "net/module4711"]);

/** The build cache (host `cache`): `restore` answers with the names of the objects it has, one line. */
function* cacheServer(): Generator<unknown, void, unknown> {
  function* handle(reader: StreamReader, writer: StreamWriter): Generator<unknown, void, unknown> {
    yield* reader.readline(); // "restore build/"
    const cached = SOURCES.filter((s) => !CHANGED.has(s));
    writer.write(enc(`${cached.length} objects, all but ${[...CHANGED].join(" ")}\n`));
    yield* writer.drain();
    writer.close();
  }
  yield* startServer(handle, "0.0.0.0", 9000);
}

/** A stand-in for make: compiles each source whose object is missing, one command line each, then links. */
function makeProgram(disk: Set<string>) {
  return function* ({ stdout }: ProgramContext): Generator<unknown, number, unknown> {
    for (const source of SOURCES) {
      if (disk.has(`build/${source}.o`)) continue;
      stdout.write(enc(`gcc -O2 -Wall -Iinclude -c src/${source}.c -o build/${source}.o\n`));
      yield* stdout.drain(); // a full pipe blocks make here, as write(2) would
      disk.add(`build/${source}.o`);
    }
    stdout.write(enc("gcc -o build/app build/net/*.o\n"));
    yield* stdout.drain();
    return 0;
  };
}

function* ciStep(fixed: boolean): Generator<unknown, void, unknown> {
  const net = network();
  net.host("cache", cacheServer);
  net.link("main", "cache", { latency: [0.01, 0.5] });
  const disk = new Set<string>(); // a fresh checkout: no objects yet
  processes().register("make", makeProgram(disk));
  yield* sleep(0.01); // the cache starts listening

  // restore the build cache if it answers within 0.5 s; without it the build just takes longer
  const [reader, writer] = yield* openConnection("cache", 9000);
  try {
    writer.write(enc("restore build/\n"));
    const answer = dec(yield* waitFor(reader.readline(), 0.5));
    for (const s of SOURCES) if (!answer.includes(s)) disk.add(`build/${s}.o`); // unpack what the cache has
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  } finally {
    writer.close();
  }

  const proc = yield* createSubprocessExec("make", "-j4", { stdout: PIPE });
  let log: Uint8Array;
  if (fixed) {
    [log] = (yield* proc.communicate()) as [Uint8Array, null]; // reads stdout while it waits for the exit
  } else {
    yield* proc.wait(); // waits for make to exit, and make waits for room in the pipe
    log = yield* proc.stdout!.read();
  }
  if (proc.returncode !== 0) throw new Error(`make failed with ${proc.returncode}`);
  if (!dec(log).endsWith("gcc -o build/app build/net/*.o")) throw new Error("make's log does not end with the link");
}

export const buggy = () => ciStep(false);
export const fixed = () => ciStep(true);
