/** Terminal colours for the command line, decided once at start-up (see util/ansi.ts). */
import { ansiColors, colorByDefault } from "../util/ansi.js";

/** The styles the command line uses (picocolors' names). */
export const pc = ansiColors(colorByDefault());
