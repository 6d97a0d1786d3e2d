"""echo on CPython: one server, 10 clients, 2,000 request/reply round trips each, over real loopback sockets.

The server's handler reads a line and writes it back (write + drain) until
EOF, then closes. Each client opens a connection to 127.0.0.1 and 2,000 times
writes "ping <i>\\n" (write + drain) and reads the reply (readline), checking
it; then closes. Events: one per round trip, 20,000 per run. Mirrors
bench/workloads/echo.ts.

Which loop (see bench/README.md, "echo"): by default a stock
asyncio.SelectorEventLoop, whose select() waits in epoll for the kernel, as a
real program's does; the workload has no timers, so a virtual clock would not
change what it does.  With --recorder it runs on the recorder's VirtualLoop
instead, which lets the kernel settle before every select (real-time pauses of
0.2 ms), as the conformance recordings do: far slower, and reported only to show
what that settling costs.
Usage: python3 bench/cpython/echo.py [--runs N] [--recorder]
"""
import asyncio
import sys

import _harness
from _harness import parse_runs, time_runs

CLIENTS = 10
ROUNDS = 2_000
EVENTS = CLIENTS * ROUNDS


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    line = b"ping %d\n" % i
    for _ in range(ROUNDS):
        writer.write(line)
        await writer.drain()
        reply = await reader.readline()
        if reply != line:
            raise AssertionError("echo: client %d got %r back" % (i, reply))
    writer.close()
    await writer.wait_closed()
    return ROUNDS


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    clients = [asyncio.create_task(client(port, i)) for i in range(CLIENTS)]
    counts = await asyncio.gather(*clients)
    server.close()
    await server.wait_closed()
    return counts, asyncio.get_running_loop().time()


def check(outcome):
    counts, end_time = outcome
    if len(counts) != CLIENTS or sum(counts) != EVENTS:
        raise AssertionError("echo: %d round trips by %d clients, expected %d by %d" % (sum(counts), len(counts), EVENTS, CLIENTS))
    # the stock loop's clock is real (monotonic); report the virtual end time only on the recorder's loop
    return {"endTime": end_time if RECORDER else 0}


RECORDER = "--recorder" in sys.argv


def stock_loop():
    """A stock SelectorEventLoop under the name the harness expects (it takes no arguments)."""
    return asyncio.SelectorEventLoop()


def emit_by_cpu(obj):
    """The harness's JSON, with events/s by CPU time beside the wall figure (see bench/README.md, "echo").

    The wall time of a run over real sockets includes waiting in epoll while
    the kernel, or another process on the shared cores, runs; the process's CPU
    time (user + system: the syscalls, and the loopback delivery they do inline)
    is CPython's own work. bench/run.ts compares echo by CPU time on both sides.
    """
    obj["cpuEventsPerSecond"] = obj["events"] / min(obj["cpuRuns"])
    _emit(obj)


_emit = _harness.emit

if __name__ == "__main__":
    if not RECORDER:
        _harness.load_virtual_loop = lambda: (stock_loop, "asyncio.SelectorEventLoop (stock, real loopback sockets)")
    _harness.emit = emit_by_cpu
    time_runs("echo", EVENTS, main, check, parse_runs(sys.argv))
