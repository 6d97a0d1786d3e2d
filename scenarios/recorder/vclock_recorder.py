"""Record what a CPython asyncio program logs when it runs on a virtual clock.

This is vloop's oracle.  A scenario program defines ``async def main()`` and
calls a global ``log(*parts)``; we run it on stock asyncio with one change:
the selector never waits.  When the loop asks to sleep until its earliest
timer, the virtual clock is set to that timer's deadline (``now = when``),
so timestamps are exactly the floats a simulator that assigns ``now = when``
computes.  Everything else (ready queue, timer heap, Future/Task machinery) is
CPython's own code, so the interleaving is CPython's.

Output: one line per log() call, ``"<time> <task> <parts...>"``.

Sockets.  Programs may use real sockets (streams, protocols, datagrams over
127.0.0.1).  IO that is ready comes first and takes no virtual time: before
every select() that involves a socket, the recorder lets the kernel settle
(see _settle: every loopback segment in flight has arrived, and the
readiness of every socket has stopped changing), then reports what is ready
without moving the clock.  Only when no IO is ready does the clock jump to
the next timer.  Child processes (asyncio's subprocesses) settle too:
before each select, the recorder waits until every descendant process has
exited or blocked in a read/write/wait system call (read from /proc), so a
real child's output and exit are seen in the select right after whatever
let it run (scenarios/process/README.md).  A program can read the loop's iteration with the global
``iteration()``: 1 during the callbacks of the first _run_once, 2 during the
second, and so on (it counts the selects of the whole run, shutdown included).

The run mirrors asyncio.run():
  1. the main task (the first task, renamed "main") awaits main() and then
     logs ``result <value>`` or ``raised <ExceptionClass>``;
  2. run_until_complete() returns once that task is done (its done callback,
     which stops the loop, runs one iteration after it finishes);
  3. every task still pending is cancelled, in creation order, and the loop
     runs run_until_complete(gather(*those, return_exceptions=True)).
If the loop would block with nothing ready and no timer pending, in either
phase, the run ends with the line ``"<time> - deadlock"``.

Where this differs from a literal asyncio.run():
  * shutdown cancels in task creation order; CPython walks all_tasks(), a
    set ordered by memory address, which nothing else can reproduce;
  * shutdown_asyncgens() and shutdown_default_executor() are not run, so
    tasks created during shutdown get no extra iterations;
  * default task names ("Task-<n>") count from 1 for every run, and every
    task created through the loop uses up a number, named or not, as in
    CPython 3.12.  (CPython's own counter is per process; counting per run
    gives the same names for a program run alone and keeps repeated runs in
    one process, as the benchmarks do, independent of each other.)

The output format and semantics are those of /work/shared/cpython/vclock.py;
the two must agree line for line on every scenario.

Library use:   sys.path.insert(0, "scenarios/recorder")
               from vclock_recorder import VirtualLoop, run, load_main
               lines = run(load_main("scenarios/core/01_hello_world.py"))
Command line:  python3 vclock_recorder.py [--stats] [--iterations] PROGRAM.py
               (--stats prints loop counters to stderr; --iterations puts
               "<iteration> " before every line, for reading, never in .out)
"""
import asyncio
import fcntl
import os
import runpy
import selectors
import socket
import struct
import sys
import termios
import time

# asyncio.base_events.MAXIMUM_SELECT_TIMEOUT: the longest single select().
MAX_SELECT = 24 * 3600


class Deadlock(Exception):
    """The loop would block forever: no ready handle and no timer."""


class NetworkDidNotSettle(Exception):
    """Loopback sockets kept changing for longer than SETTLE_LIMIT seconds."""


class ChildrenDidNotSettle(NetworkDidNotSettle):
    """A child process kept running (or slept) for longer than SETTLE_LIMIT seconds."""


# Linux x86-64 system call numbers a child may block in once it has done all
# it can with its pipes: read, write, poll, select, wait4, pselect6, ppoll.
_BLOCKING_SYSCALLS = {0, 1, 7, 23, 61, 270, 271}


def _descendants():
    """The pids of this process's children, their children, and so on."""
    out = []
    todo = [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
                kids = [int(k) for k in f.read().split()]
        except OSError:
            continue
        out.extend(kids)
        todo.extend(kids)
    return sorted(out)


def _child_state(pid):
    """What a child process is doing: "exited", ("blocked", syscall, args), or "running"."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        if state in ("Z", "X"):
            return "exited"
        with open("/proc/%d/syscall" % pid) as f:
            fields = f.read().split()
    except (OSError, IndexError):
        return "exited"  # reaped between the listing and the read
    if state == "S" and fields and fields[0].isdigit() and int(fields[0]) in _BLOCKING_SYSCALLS:
        return ("blocked", fields[0], fields[1])
    return "running"


# _settle polls the kernel every SETTLE_PAUSE seconds (real time) until two
# polls in a row see the same thing.  While a TCP segment is unacknowledged it
# also waits (up to UNACKED_GRACE seconds of unchanged polls: a segment that a
# full receive buffer dropped stays unacknowledged for good).  It gives up,
# with an error, after SETTLE_LIMIT seconds.
SETTLE_PAUSE = 0.0002
UNACKED_GRACE = 0.05
SETTLE_LIMIT = 5.0

_TCP_INFO_HEAD = struct.Struct("=BBBBBBBBIIIIIIII")  # up to tcpi_fackets
_SIOCOUTQ = termios.TIOCOUTQ  # Linux: bytes not yet acknowledged by the peer


def _socket_state(fd):
    """What can still change on its own for one socket: a tuple.

    (bytes readable, bytes not yet acknowledged, TCP state, segments in
    flight); the last three are None for a socket that is not TCP.
    """
    buf = bytearray(4)
    try:
        fcntl.ioctl(fd, termios.FIONREAD, buf)
        inq = int.from_bytes(buf, sys.byteorder)
    except OSError:
        inq = None
    try:
        dup = os.dup(fd)
    except OSError:
        return (inq, None, None, None)  # closed already
    try:
        sock = socket.socket(fileno=dup)
    except OSError:
        os.close(dup)  # not a socket (a pipe, a pidfd): its readiness and FIONREAD say it all
        return (inq, None, None, None)
    try:
        if sock.type != socket.SOCK_STREAM:
            return (inq, None, None, None)
        info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, _TCP_INFO_HEAD.size)
        fields = _TCP_INFO_HEAD.unpack(info)
        state, unacked = fields[0], fields[12]
        fcntl.ioctl(fd, _SIOCOUTQ, buf)
        outq = int.from_bytes(buf, sys.byteorder)
        return (inq, outq, state, unacked)
    except OSError:
        return (inq, None, None, None)
    finally:
        sock.close()


class _NeverBlockingSelector(selectors.DefaultSelector):
    """A selector whose select() advances virtual time instead of waiting."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def _socket_fds(self):
        """Every socket the loop knows: registered, or owned by a transport."""
        loop = self.loop
        fds = set(self.get_map().keys()) | set(loop._transports.keys())
        fds.discard(loop._ssock.fileno())
        fds.discard(loop._csock.fileno())
        return sorted(fd for fd in fds if fd >= 0)

    def _settle(self):
        """Wait (real time) until the loopback network is quiet; return the events.

        Quiet means: two polls SETTLE_PAUSE apart see the same readiness and
        the same byte counts and TCP states on every socket, and no TCP
        socket has a segment in flight (tcpi_unacked is 0: everything sent
        has been acknowledged, so it has arrived) or, if one has, nothing has
        changed for UNACKED_GRACE seconds (a receiver whose buffer is full
        drops what comes; the segment waits for a retransmission that will
        be dropped too, until the receiver reads).  Then what select(0) reports is what a
        perfect network (zero latency) reports: everything that every send,
        connect, shutdown and close made so far has caused.
        """
        start = time.monotonic()
        deadline = start + SETTLE_LIMIT
        previous = None
        unchanged_since = start
        while True:
            fds = self._socket_fds()
            children = [(pid, _child_state(pid)) for pid in _descendants()]
            events = super().select(0)
            seen = (
                sorted((key.fd, mask) for key, mask in events),
                [(fd, _socket_state(fd)) for fd in fds],
                children,
            )
            now = time.monotonic()
            if seen != previous:
                unchanged_since = now
            elif any(state == "running" for _, state in children):
                pass  # a child still works: wait for it to exit or block on a pipe
            elif not any(state[3] for _, state in seen[1]) or now - unchanged_since >= UNACKED_GRACE:
                return events
            if now > deadline:
                if any(state == "running" for _, state in children):
                    raise ChildrenDidNotSettle(repr(seen))
                raise NetworkDidNotSettle(repr(seen))
            previous = seen
            time.sleep(SETTLE_PAUSE)

    def select(self, timeout=None):
        loop = self.loop
        loop._stat_iteration += 1
        if self._socket_fds():
            # IO that is ready comes first and takes no virtual time.
            events = self._settle()
            if events or timeout == 0:
                loop._stat_selects += 1
                loop._stat_watch_heap()
                return events
        if timeout is None:
            # _run_once passes None only when nothing is ready, no timer is
            # scheduled and the loop is not stopping.
            raise Deadlock()
        if timeout > 0:
            # _run_once dropped cancelled timers from the heap's head, then
            # set timeout = min(when - now, MAX_SELECT) for the head's
            # deadline `when`.  Land on `when` itself (not now + timeout,
            # which can differ in the last bit), unless capped.
            now = loop._now
            when = loop._scheduled[0]._when
            loop._now = now + timeout if when - now > timeout else when
            loop._stat_jumps += 1
        loop._stat_selects += 1
        loop._stat_watch_heap()
        return super().select(0)


class VirtualLoop(asyncio.SelectorEventLoop):
    """asyncio's selector loop on a virtual clock that starts at 0.0."""

    def __init__(self):
        selector = _NeverBlockingSelector()
        super().__init__(selector)
        selector.loop = self
        self._now = 0.0
        self._clock_resolution = 1e-9
        self.tasks_in_creation_order = []
        self._task_count = 0
        self._eager = False  # asyncio.eager_task_factory is set (see set_task_factory)
        # counters for --stats
        self._stat_iteration = 0  # _run_once calls so far (iteration())
        self._stat_selects = 0
        self._stat_jumps = 0
        self._stat_rebuilds = 0
        self._stat_heap = self._scheduled

    def time(self):
        return self._now

    def create_task(self, coro, *, name=None, context=None):
        self._task_count += 1
        if self._eager:
            # eager_task_factory: the task is made with its default name
            # (per run, as above), which is the name its eager first step
            # sees; base_events sets a given name only after that step.
            self._check_closed()
            task = asyncio.Task(coro, loop=self, name="Task-%d" % self._task_count,
                                context=context, eager_start=True)
            if name is not None:
                task.set_name(name)
        else:
            if name is None:
                name = "Task-%d" % self._task_count
            task = super().create_task(coro, name=name, context=context)
        self.tasks_in_creation_order.append(task)
        return task

    # asyncio.eager_task_factory makes its Task without a name, so it would
    # take a number from CPython's per-process counter, which the per-run
    # names above do not follow: the recorder makes eager tasks itself, and
    # get_task_factory() still returns what the program set.
    def set_task_factory(self, factory):
        if factory is not None and factory is not asyncio.eager_task_factory:
            raise NotImplementedError("the recorder knows only asyncio.eager_task_factory")
        super().set_task_factory(factory)
        self._eager = factory is not None

    def _stat_watch_heap(self):
        # _run_once replaces the _scheduled list only when it rebuilds the
        # heap to drop cancelled timers; otherwise it pops in place.
        if self._scheduled is not self._stat_heap:
            self._stat_rebuilds += 1
            self._stat_heap = self._scheduled

    def stats(self):
        return {
            "iterations": self._stat_selects,
            "clock_jumps": self._stat_jumps,
            "heap_rebuilds": self._stat_rebuilds,
            "tasks": self._task_count,
        }


# ---------------------------------------------------------------- logging

_sink = None  # the list the current run appends to
_sink_iterations = None  # the loop iteration of each line in _sink


def fmt_time(t):
    """Seconds rounded to 6 places: "1", "0.3", "100000", "1.000001"."""
    r = round(t, 6)
    if r == int(r):
        return str(int(r))
    return ("%.6f" % r).rstrip("0").rstrip(".")


def log(*parts):
    """Record "<time> <task name or -> <parts joined by spaces>"."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return  # no loop: a deadlocked coroutine being closed at exit
    if _sink is None:
        return
    task = asyncio.current_task()
    who = "-" if task is None else task.get_name()
    text = " ".join(str(p) for p in parts)
    _sink.append("%s %s %s" % (fmt_time(loop.time()), who, text))
    _sink_iterations.append(getattr(loop, "_stat_iteration", 0))


def iteration():
    """The running loop's iteration: n during the callbacks of its n-th _run_once."""
    return asyncio.get_running_loop()._stat_iteration


def show(value):
    """How main's return value is printed after "result"."""
    if isinstance(value, (list, tuple)):
        return "[%s]" % ",".join(show(v) for v in value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseException):
        return type(value).__name__
    return str(value)


# ---------------------------------------------------------------- running

async def _main_task(main_factory, raised=None):
    """Main's task: "result <value>" or "raised <Class>".  With `raised` (a
    list), main's error is appended to it and raised again after its line,
    as vloop's runScenario does (see run's `main_cancelled`)."""
    asyncio.current_task().set_name("main")
    try:
        value = await main_factory()
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise  # GeneratorExit: a deadlocked main being closed
    except BaseException as exc:  # CancelledError too
        log("raised", type(exc).__name__)
        if raised is not None:
            raised.append(exc)
            raise
    else:
        log("result", show(value))


def _shutdown(loop):
    """asyncio.runners._cancel_all_tasks, in creation order."""
    pending = [t for t in loop.tasks_in_creation_order if not t.done()]
    if pending:
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


def run(main_factory, stats=None, iterations=None, main_cancelled=False):
    """Run main_factory() as asyncio.run would; return the logged lines.

    If `stats` is a dict, it is filled with the loop's counters.  If
    `iterations` is a list, it gets the loop iteration of each line.

    `main_cancelled` (the fuzzer's oracle): a line where the scenarios have
    none.  CPython 3.12's Task.uncancel() leaves a cancel() requested while
    the task was running in place (3.13 drops it once the count is back to
    0), so a TaskGroup whose child fails while the group's own task is
    running (an eager child failing in its first step, inside create_task)
    has that task cancelled the next time it suspends, or as its coroutine
    returns.  For main that is after its "result" line: asyncio.run then
    cancels the tasks left and raises CancelledError, and the run ends with
    "<t> - main cancelled" (vloop's run() throws CancelledError there too).
    Main's own error is raised again after its line, as vloop's runScenario
    does, since a pending cancel() cancels a task whose coroutine returns,
    not one whose coroutine raises.
    """
    global _sink, _sink_iterations
    lines = []
    _sink = lines
    _sink_iterations = [] if iterations is None else iterations
    loop = VirtualLoop()
    loop.set_exception_handler(lambda loop, context: None)  # quiet stderr
    asyncio.set_event_loop(loop)
    raised = [] if main_cancelled else None
    try:
        try:
            loop.run_until_complete(_main_task(main_factory, raised))
        except BaseException as exc:
            if not raised:  # not main's own error, raised again after its line
                if raised is None or not isinstance(exc, asyncio.CancelledError):
                    raise
                _shutdown(loop)
                lines.append("%s - main cancelled" % fmt_time(loop.time()))
                _sink_iterations.append(loop._stat_iteration)
                return lines
        _shutdown(loop)
    except Deadlock:
        lines.append("%s - deadlock" % fmt_time(loop.time()))
        _sink_iterations.append(loop._stat_iteration)
    finally:
        if stats is not None:
            stats.update(loop.stats())
        asyncio.set_event_loop(None)
        loop.close()
        _sink = None
        _sink_iterations = None
        # Coroutines left suspended (after a deadlock, or created during
        # shutdown) are closed later by the garbage collector; keep the
        # complaints about the closed loop off stderr.
        sys.unraisablehook = lambda unraisable: None
    return lines


def load_main(path):
    """Execute the program file with `log` in its globals; return its main."""
    namespace = runpy.run_path(path, init_globals={"log": log, "iteration": iteration})
    return namespace["main"]


def _cli(argv):
    flags = [a for a in argv if a.startswith("--")]
    argv = [a for a in argv if not a.startswith("--")]
    if len(argv) != 1 or not set(flags) <= {"--stats", "--iterations"}:
        sys.exit("usage: python3 vclock_recorder.py [--stats] [--iterations] PROGRAM.py")
    want_stats = "--stats" in flags
    stats = {} if want_stats else None
    its = [] if "--iterations" in flags else None
    lines = run(load_main(argv[0]), stats, its)
    if its is not None:
        lines = ["%d %s" % (i, line) for i, line in zip(its, lines)]
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
    if want_stats:
        sys.stderr.write("".join("%s %s\n" % kv for kv in stats.items()))


if __name__ == "__main__":
    _cli(sys.argv[1:])
