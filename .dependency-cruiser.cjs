/**
 * The layers of docs/architecture.md, bottom to top. A module may import its own layer's folder and any layer
 * below it; never a layer above, never a sibling at its own level, and never in a cycle.
 */
const LAYERS = [
  ["mof"],
  ["evidence"],
  ["fetchers", "report"],
  // other frameworks read a report (OSAID), and bills of materials carry both verdicts
  ["frameworks"],
  ["aibom"],
  ["db"],
  ["audit"],
  ["registry"],
  ["claims", "families", "index"],
  ["api"],
  ["server"],
];

const lib = (names) => `^lib/(${names.join("|")})/`;

const layerRules = LAYERS.flatMap((level, rank) =>
  level.map((name) => {
    const above = LAYERS.slice(rank + 1).flat();
    const siblings = level.filter((other) => other !== name);
    const forbidden = [...above, ...siblings];
    return {
      name: `layer-${name}`,
      comment: `lib/${name} imports only the layers below it`,
      severity: "error",
      from: { path: lib([name]) },
      to: { path: forbidden.length > 0 ? lib(forbidden) : "^$" },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-cycles",
      comment: "imports form no cycle, inside a folder or across folders",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-is-pure",
      comment: "lib/mof imports nothing but itself, zod and yaml",
      severity: "error",
      from: { path: "^lib/mof/" },
      to: { pathNot: ["^lib/mof/", "^node_modules/(zod|yaml)/"] },
    },
    {
      name: "pure-layers-no-io",
      comment: "lib/evidence, lib/report, lib/frameworks and lib/aibom are pure: no Node built-ins, no database, no framework",
      severity: "error",
      from: { path: "^lib/(evidence|report|frameworks|aibom)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "pure-layers-no-framework",
      severity: "error",
      from: { path: "^lib/(mof|evidence|report|frameworks|aibom)/" },
      to: { path: "^node_modules/(next|react|react-dom|better-sqlite3|pg|kysely)/" },
    },
    {
      name: "lib-below-ui",
      comment: "lib never reaches up into the app, the components or the CLI",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|cli)/" },
    },
    {
      name: "components-no-io",
      comment: "components render what pages hand them: no fetchers, database, audits or loaders",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/(fetchers|db|audit|server)/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|test-results|data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      // type-only packages (@types/mdast) have no main, only types
      mainFields: ["module", "main", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
