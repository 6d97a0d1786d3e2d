import asyncio

# A protocol callback that raises: data_received raising closes the transport at once (the loop's
# exception handler is told, "Fatal error: protocol.data_received() call failed."), and
# connection_lost gets the exception; the peer sees EOF.
class Faulty(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def data_received(self, data):
        log("faulty data_received", data, iteration())
        raise ValueError("bad frame")
    def connection_lost(self, exc):
        log("faulty connection_lost", type(exc).__name__, exc, iteration())
        log("is_closing", self.transport.is_closing())

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        transport.write(b"frame")
    def eof_received(self):
        log("client eof_received", iteration())
    def connection_lost(self, exc):
        log("client connection_lost", exc, iteration())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(lambda loop, context: seen.append(context["message"]))
    server = await loop.create_server(Faulty, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    await done
    log("exception handler saw", seen)
    server.close()
    await server.wait_closed()
