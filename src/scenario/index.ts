/** Scenario files and Python-style printing: the tools behind vloop's conformance tests and command line. */
export { log } from "./log.js";
export { fmtTime, py, pyFloat, pyRepr, show } from "../util/pyformat.js";
export { runScenario, joinLines, styleOf, type Style, type ScenarioMeta, type ScenarioModule } from "./runScenario.js";
