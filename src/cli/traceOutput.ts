/** Renders a trace in the format the command line asked for. */
import type { TraceEvent } from "../loop/trace.js";

export function renderTrace(events: TraceEvent[], format: string, opts: { title: string; color: boolean }): string {
  // The renderers live in src/trace (written alongside); loaded lazily so `run` starts fast.
  return renderers[format](events, opts);
}

type Renderer = (events: TraceEvent[], opts: { title: string; color: boolean }) => string;
const renderers: Record<string, Renderer> = {};

/** Installs the renderers (called once at start-up by the command line). */
export async function loadRenderers(): Promise<void> {
  const [{ renderTimeline }, { toChromeTrace }, { renderSvg }] = await Promise.all([
    import("../trace/text.js"),
    import("../trace/chrome.js"),
    import("../trace/svg.js"),
  ]);
  renderers.text = (events, o) => renderTimeline(events, { color: o.color });
  renderers.chrome = (events) => `${JSON.stringify(toChromeTrace(events), null, 1)}\n`;
  renderers.svg = (events, o) => renderSvg(events, { title: o.title });
}
