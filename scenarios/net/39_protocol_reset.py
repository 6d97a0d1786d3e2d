import asyncio

# connection_lost's argument: None after a clean close or EOF; ConnectionResetError when the peer
# aborts with bytes it has not read. abort() queues connection_lost(None) on the aborting side.
class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        asyncio.get_running_loop().call_later(1, self.abort)
    def abort(self):
        log("server abort at", iteration())
        self.transport.abort()
        log("server is_closing", self.transport.is_closing())
        self.transport.abort()
    def connection_lost(self, exc):
        log("server connection_lost", exc, iteration())

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        self.transport = transport
        transport.write(b"unread")
    def data_received(self, data):
        log("client data_received", data)
    def eof_received(self):
        log("client eof_received")
    def connection_lost(self, exc):
        log("client connection_lost", type(exc).__name__, exc, iteration())
        log("errno", exc.errno, "is_closing", self.transport.is_closing())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    await done
    server.close()
    await server.wait_closed()
