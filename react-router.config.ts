import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  // RR_BUILD_DIR lets parallel checkouts/tests build side by side; scripts/serve.mjs reads the same variable.
  buildDirectory: process.env.RR_BUILD_DIR ?? "build",
  ssr: true,
  // The whole route manifest as one hashed, immutable asset (≈21 KB Brotli, cached for a year) instead
  // of "lazy" discovery: lazy inlined a partial manifest into every document, matching the ~400 routes
  // once per parent path of the URL on each render, and every page's links then asked /__manifest
  // (another round of matching) — server work on every request for a saving the browser makes once
  // (decision 060).
  routeDiscovery: { mode: "initial" },
} satisfies Config;
