# counter.ts and counter_local.ts in Python: the same server and client over real loopback sockets.
import asyncio


def counter_server(counters):
    async def handle(reader, writer):
        while True:
            words = (await reader.readline()).decode().split()
            if not words or words[0] != "incr":
                break
            value = counters.get(words[1], 0) + 1
            counters[words[1]] = value
            writer.write(f"{value}\n".encode())
            await writer.drain()
        writer.close()
    return handle


class CounterClient:
    def __init__(self, host, port):
        self.host, self.port, self.conn = host, port, None

    async def incr(self, name):
        attempt = 1
        while True:
            try:
                return int(await asyncio.wait_for(self.call(f"incr {name}"), 1.5))
            except Exception as e:
                self.close()
                if not isinstance(e, TimeoutError) or attempt == 3:
                    raise
            attempt += 1

    async def call(self, line):
        if self.conn is None:
            self.conn = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.conn
        writer.write(f"{line}\n".encode())
        return (await reader.readline()).decode().strip()

    def close(self):
        if self.conn is not None:
            self.conn[1].close()
        self.conn = None


async def main():
    server = await asyncio.start_server(counter_server({}), "127.0.0.1", 7000)
    client = CounterClient("127.0.0.1", 7000)
    for view in range(1, 4):
        print(f"view {view}: views = {await client.incr('views')}")
    client.close()
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
