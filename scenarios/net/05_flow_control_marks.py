import asyncio
import socket

# Protocol flow control: pause_writing once the buffer passes 64 KiB, resume_writing at 16 KiB or less.
# Small kernel buffers, set before listen/connect, so that the kernel cannot take the whole write.
class Writer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def pause_writing(self):
        log("pause_writing", self.transport.get_write_buffer_size() > 65536)
    def resume_writing(self):
        log("resume_writing", self.transport.get_write_buffer_size() <= 16384)

class Sink(asyncio.Protocol):
    def connection_made(self, transport):
        self.total = 0
        transport.pause_reading()
        asyncio.get_running_loop().call_later(1, transport.resume_reading)
    def data_received(self, data):
        self.total += len(data)
    def eof_received(self):
        log("sink got", self.total)

async def main():
    loop = asyncio.get_running_loop()
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    lsock.bind(("127.0.0.1", 0))
    server = await loop.create_server(Sink, sock=lsock)
    csock = socket.socket()
    csock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    csock.setblocking(False)
    await loop.sock_connect(csock, lsock.getsockname())
    transport, proto = await loop.create_connection(Writer, sock=csock)
    transport.write(b"y" * (1 << 18))
    log("after write")
    await asyncio.sleep(2)
    transport.write_eof()
    await asyncio.sleep(1)
    transport.close()
    server.close()
    await server.wait_closed()
