import asyncio

# BufferedProtocol: get_buffer(-1) then buffer_updated(n) for each recv_into; a small buffer splits
# one write over several iterations; eof_received and connection_lost as for Protocol.
class Sink(asyncio.BufferedProtocol):
    def __init__(self, done):
        self.done = done
        self.buf = bytearray(4)
        self.got = b""
    def connection_made(self, transport):
        log("sink connection_made", iteration())
    def get_buffer(self, sizehint):
        log("get_buffer", sizehint, iteration())
        return self.buf
    def buffer_updated(self, nbytes):
        self.got += bytes(self.buf[:nbytes])
        log("buffer_updated", nbytes, bytes(self.buf[:nbytes]), iteration())
    def eof_received(self):
        log("sink eof_received", self.got, iteration())
    def connection_lost(self, exc):
        log("sink connection_lost", exc, iteration())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await loop.create_server(lambda: Sink(done), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("write at", iteration())
    writer.write(b"0123456789")
    writer.write_eof()
    await done
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
