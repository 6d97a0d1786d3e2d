/**
 * A program run by the command line must not end the process itself: a
 * `process.exit(0)` in the middle of a run would end `vloop run` or
 * `vloop explore` with status 0 whatever the run did (and in a worker of
 * `--workers`, end the worker before it answers). So while the command line
 * runs programs, `process.exit` throws instead, where the program called it:
 * the run fails with an error that says what happened (status 1), and the
 * command line ends the process itself with `exitProcess`.
 */

/** The program called process.exit. */
export class ProcessExitCalled extends Error {
  override name = "ProcessExitCalled";
}

/** The real process.exit, for the command line's own use. */
export const exitProcess: (code?: number) => never = process.exit.bind(process);

/** From now on, process.exit throws ProcessExitCalled instead of ending the process (or the worker thread). */
export function refuseProcessExit(): void {
  process.exit = ((code?: unknown): never => {
    throw new ProcessExitCalled(
      `the program called process.exit(${code === undefined ? "" : String(code)}): a program run by vloop must not end the process ` +
        `(vloop would report whatever status it gave); return from main, or throw, instead`,
    );
  }) as typeof process.exit;
}
