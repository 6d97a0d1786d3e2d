/** Loading a user's scenario file, and reporting errors with the file and line. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface LoadedFile {
  path: string;
  url: string;
  module: Record<string, unknown>;
}

export class CliError extends Error {}

/**
 * Imports FILE. JavaScript loads as it is; TypeScript needs a loader: Node's
 * own type stripping where this Node has it on (`process.features.typescript`,
 * Node 22.18+ and 23.6+), else tsx, an optional peer dependency asked for by
 * name when it is missing.
 */
export async function loadFile(file: string): Promise<LoadedFile> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`${file}: no such file`);
  if (/\.[cm]?tsx?$/.test(path)) await typeScriptLoader(file);
  const url = pathToFileURL(path).href;
  let module: Record<string, unknown>;
  try {
    module = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_REQUIRE_CYCLE_MODULE" && /\.tsx?$/.test(path)) {
      // tsx on a Node with require(esm) reports this for an ES module it was told is CommonJS
      throw new CliError(
        `${file}: could not load it: it is written as an ES module (import/export), but its package is CommonJS ` +
          `(the nearest package.json has no "type": "module", or there is none). Rename it to .mts, or add "type": "module" to that package.json.`,
      );
    }
    throw new CliError(`${file}: could not load it:\n${describeError(e, path)}`);
  }
  return { path, url, module };
}

/** Set once tsx is registered in this thread (bin/vloop.mjs sets it in a clone of the repository). */
const TSX_REGISTERED = Symbol.for("vloop.tsxRegistered");

/** Makes sure this thread can import TypeScript files (see loadFile). */
async function typeScriptLoader(file: string): Promise<void> {
  const features = process.features as { typescript?: string | false };
  const global = globalThis as { [TSX_REGISTERED]?: boolean };
  if (global[TSX_REGISTERED] || features.typescript) return;
  let api: { register: () => unknown };
  try {
    api = (await import("tsx/esm/api")) as { register: () => unknown };
  } catch {
    throw new CliError(
      `${file} is TypeScript, and this Node (${process.version}) cannot load TypeScript by itself. ` +
        `Install tsx beside vloop (npm install --save-dev tsx), use Node 22.18 or later, or compile the file to JavaScript.`,
    );
  }
  api.register();
  global[TSX_REGISTERED] = true;
}

/** The function exported as `name` (default: main). */
export function exported(loaded: LoadedFile, name: string): (...args: unknown[]) => unknown {
  const fn = loaded.module[name];
  if (typeof fn !== "function") {
    const names = Object.keys(loaded.module).filter((k) => typeof loaded.module[k] === "function");
    throw new CliError(
      `${loaded.path}: expected an exported function \`${name}\` (a generator function or an async function); ` +
        `it exports ${names.length ? names.join(", ") : "no functions"}`,
    );
  }
  return fn as (...args: unknown[]) => unknown;
}

/** vloop's own code: its package's dist/ (installed) or src/ (in a clone), cli/fixtures excepted. */
const vloopRoot = fileURLToPath(new URL("../..", import.meta.url));
function isVloopFrame(frame: string): boolean {
  for (const dir of ["dist", "src"]) {
    const at = frame.indexOf(`${vloopRoot}${dir}/`);
    if (at >= 0 && !frame.includes(`${vloopRoot}src/cli/fixtures/`)) return true;
  }
  return false;
}

/** A frame of the JavaScript runtime or of a dependency: node:internal, native code, node_modules. */
function isRuntimeFrame(frame: string): boolean {
  return /\(node:|at node:|\(native\)|<anonymous>|node_modules[\\/]/.test(frame) || !/[\\/]/.test(frame);
}

/**
 * An error's name and message, then where it happened in the user's code:
 * the frames in the user's file first (`userFile`), else the first frame that
 * is neither vloop's own nor the runtime's (Array.map, processImmediate,
 * Socket.emit...), else the error's first frame unless it is vloop's own
 * (a deadlock or a step budget has no line in the user's code to show).
 */
export function describeError(e: unknown, userFile?: string): string {
  if (!(e instanceof Error)) return String(e);
  const head = `${e.name}: ${e.message}`;
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  const mine = userFile ? frames.filter((l) => l.includes(userFile)).slice(0, 3) : [];
  const other = frames.find((l) => !isVloopFrame(l) && !isRuntimeFrame(l));
  const first = frames[0];
  const where = mine.length > 0 ? mine : other ? [other] : first !== undefined && !isVloopFrame(first) ? [first] : [];
  return [head, ...where.map((l) => l.trim().replace(/^at /, "    at "))].join("\n");
}
