// counter.ts, fixed: every increment carries a request id, the same on every
// try, and the server answers an id it has already counted with the value it
// gave then, without counting it again.
import { type StreamReader, type StreamWriter, TimeoutError, openConnection, waitFor } from "vloop";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

/** The server's connection handler, for startServer: one line in, one line out. */
export function counterServer(counters = new Map<string, number>()) {
  const answered = new Map<string, number>(); // request id -> the value it got
  return async (reader: StreamReader, writer: StreamWriter) => {
    for (;;) {
      const [command, name, id] = dec(await reader.readline()).split(" ");
      if (command !== "incr") break;
      let value = answered.get(id);
      if (value === undefined) {
        value = (counters.get(name) ?? 0) + 1;
        counters.set(name, value);
        answered.set(id, value);
      }
      writer.write(enc(`${value}\n`));
      await writer.drain();
    }
    writer.close();
  };
}

export class CounterClient {
  private conn: [StreamReader, StreamWriter] | null = null;

  constructor(readonly host: string, readonly port: number) {}

  /** Adds one to a counter, once for `requestId` however often it is sent, and returns its new value. */
  async incr(name: string, requestId: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return Number(await waitFor(() => this.call(`incr ${name} ${requestId}`), 1.5));
      } catch (e) {
        this.close(); // a connection that failed or stopped answering
        if (!(e instanceof TimeoutError) || attempt === 3) throw e;
      }
    }
  }

  private async call(line: string): Promise<string> {
    this.conn ??= await openConnection(this.host, this.port);
    const [reader, writer] = this.conn;
    writer.write(enc(`${line}\n`));
    return dec(await reader.readline());
  }

  close(): void {
    this.conn?.[1].close();
    this.conn = null;
  }
}
