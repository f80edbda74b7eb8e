import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  // RR_BUILD_DIR lets parallel checkouts/tests build side by side; scripts/serve.mjs reads the same variable.
  buildDirectory: process.env.RR_BUILD_DIR ?? "build",
  ssr: true,
} satisfies Config;
