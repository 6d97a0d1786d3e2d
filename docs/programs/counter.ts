// A counter service: the server keeps named counters and answers `incr NAME`
// with the counter's new value; the client keeps one connection open and,
// when an answer takes more than 1.5 s, tries again on a new connection.
import { type StreamReader, type StreamWriter, TimeoutError, openConnection, waitFor } from "vloop";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b).trim();

/** The server's connection handler, for startServer: one line in, one line out. */
export function counterServer(counters = new Map<string, number>()) {
  return async (reader: StreamReader, writer: StreamWriter) => {
    for (;;) {
      const [command, name] = dec(await reader.readline()).split(" ");
      if (command !== "incr") break;
      const value = (counters.get(name) ?? 0) + 1;
      counters.set(name, value);
      writer.write(enc(`${value}\n`));
      await writer.drain();
    }
    writer.close();
  };
}

export class CounterClient {
  private conn: [StreamReader, StreamWriter] | null = null;

  constructor(readonly host: string, readonly port: number) {}

  /** Adds one to a counter and returns its new value (three tries, 1.5 s each). */
  async incr(name: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return Number(await waitFor(() => this.call(`incr ${name}`), 1.5));
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
