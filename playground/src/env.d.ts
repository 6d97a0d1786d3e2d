/** The examples menu, made by build.mjs from the repository's files (examples.mjs). */
declare module "virtual:examples" {
  export const examples: { group: string; title: string; file: string; code: string; exportName: string; kind: "scenario" | "script" }[];
}
