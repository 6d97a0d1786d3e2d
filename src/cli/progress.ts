/** A progress bar on stderr for long explorations (only when stderr is a terminal). */
export class Progress {
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY);
  }

  update(done: number, total: number, note = ""): void {
    if (!this.enabled) return;
    const now = Date.now(); // real-time: the bar redraws at most every 100 ms of wall time
    if (done < total && now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    this.stream.write(`\r${this.label} ${bar} ${done}/${total} ${note}`.padEnd(80));
  }

  done(): void {
    if (this.enabled) this.stream.write("\n");
  }
}
