/** The page's small DOM helpers. */

/** The element with this id. */
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Fills the list `id` with one item per text, and shows the count beside its heading. */
export function list(id: string, items: string[]): void {
  const el = $(id);
  el.replaceChildren(...items.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
  el.dataset.count = String(items.length);
  const head = el.previousElementSibling;
  if (head?.tagName === "H3") head.setAttribute("data-count", String(items.length));
}

/** One line of text, as a block (with a class: "now", "error", "muted"). */
export function line(text: string, cls = ""): HTMLElement {
  const d = document.createElement("div");
  d.textContent = text;
  if (cls) d.className = cls;
  return d;
}

/** A virtual time as `vloop step` prints it. */
export function fmt(t: number): string {
  return Number.isInteger(t) ? String(t) : String(+t.toFixed(6));
}
