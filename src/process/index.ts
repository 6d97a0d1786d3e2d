/** Simulated subprocesses: asyncio's subprocess API over programs registered per run. */
export { createSubprocessExec, createSubprocessShell, Process, type SubprocessOptions } from "./process.js";
export { SubprocessStreamProtocol } from "./subprocessStreamProtocol.js";
export { PIPE, STDOUT, DEVNULL, SubprocessTransport, type StdioOption } from "./subprocessTransport.js";
export { ReadPipeTransport, WritePipeTransport } from "./pipeTransport.js";
export { processes, ProcessTable, type FixedResult, type Output, type Program, type ProgramContext, type ProgramSpec } from "./processTable.js";
export { PIPE_CAPACITY } from "./pipe.js";
