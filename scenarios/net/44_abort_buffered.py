import asyncio
import socket

# abort() with bytes still in the transport's buffer: they are dropped (the peer gets less than was
# written), the buffer size drops to 0 without resume_writing, and connection_lost(None) follows.
# Both kernel buffers are small (SO_RCVBUF before listen, SO_SNDBUF before connect) and the
# server does not read, so the kernel cannot take the whole write.
class Writer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def pause_writing(self):
        log("pause_writing, buffered", self.transport.get_write_buffer_size() > 1000)
    def resume_writing(self):
        log("resume_writing")
    def connection_lost(self, exc):
        log("writer connection_lost", exc)

class Sink(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.total = 0
    def connection_made(self, transport):
        transport.pause_reading()
        asyncio.get_running_loop().call_later(1, transport.resume_reading)
    def data_received(self, data):
        self.total += len(data)
    def eof_received(self):
        log("sink eof, got some", self.total > 0, "got less than written", self.total < 1 << 20)
    def connection_lost(self, exc):
        log("sink connection_lost", exc)
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    lsock.bind(("127.0.0.1", 0))
    server = await loop.create_server(lambda: Sink(done), sock=lsock)
    csock = socket.socket()
    csock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    csock.setblocking(False)
    await loop.sock_connect(csock, lsock.getsockname())
    transport, _ = await loop.create_connection(Writer, sock=csock)
    transport.set_write_buffer_limits(high=1000)
    transport.write(b"z" * (1 << 20))
    log("after write, buffered", transport.get_write_buffer_size() > 0)
    await asyncio.sleep(0.5)
    transport.abort()
    log("after abort: buffered", transport.get_write_buffer_size(), "is_closing", transport.is_closing())
    transport.write(b"dropped")
    await done
    server.close()
    await server.wait_closed()
