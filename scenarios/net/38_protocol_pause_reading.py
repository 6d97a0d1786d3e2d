import asyncio

# pause_reading/resume_reading on a server protocol: bytes written while paused wait in the kernel
# and arrive in one data_received after resume_reading; is_reading() before and after.
class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        log("server paused, is_reading", transport.is_reading(), iteration())
        transport.pause_reading()
        asyncio.get_running_loop().call_later(1, self.resume)
    def resume(self):
        log("resume at", iteration())
        self.transport.resume_reading()
        self.transport.resume_reading()
        log("is_reading", self.transport.is_reading())
    def data_received(self, data):
        log("server data_received", data, iteration())
    def eof_received(self):
        log("server eof_received", iteration())
    def connection_lost(self, exc):
        log("server connection_lost", exc, iteration())

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        transport.write(b"a")
        transport.write(b"b")
        log("client wrote", iteration())
    def connection_lost(self, exc):
        log("client connection_lost", exc, iteration())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, _ = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    await asyncio.sleep(2)
    transport.write(b"c")
    transport.close()
    log("client closing", transport.is_closing(), transport.is_reading())
    await done
    server.close()
    await server.wait_closed()
    log("closed", iteration())
