// Which way the imports point (ADR-worthy habits of docs/STYLE: routes → services → models → db,
// domain pure). Checked by tests/unit/architecture.test.ts through dependency-cruiser's API;
// `npx depcruise app seed` runs the same rules by hand.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "app/domain takes values and returns values: no database, models, services, routes, server, Remix or environment.",
      severity: "error",
      from: { path: "^app/domain/" },
      to: {
        path: [
          "^app/(db|models|services|routes|server)/",
          "^app/env[.]server[.]ts$",
          "(^|/)node_modules/@remix-run/",
        ],
      },
    },
    {
      name: "models-below-services",
      comment: "Models are queries and transactions: they never call a service or a route (services call models).",
      severity: "error",
      from: { path: "^app/models/" },
      to: { path: "^app/(services|routes)/" },
    },
    {
      name: "no-circular-in-app",
      comment: "No import cycle inside app/: split the shared part into its own module instead.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^app/", circular: true },
    },
    {
      name: "nothing-reaches-into-tests",
      comment: "The app, the seed and the tools load nothing from tests/ (factories live in seed/).",
      severity: "error",
      from: { pathNot: "^tests/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|public/build|node_modules|\\.cache)/" },
    // Type-only imports count: a type from the database is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
