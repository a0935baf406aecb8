/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  // The custom server is compiled with the app into build/index.js: one module graph (ADR 0019).
  server: "app/server/main.ts",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Server-only packages stay external so the server bundle shares one copy with the CLI.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
