// Production HTTP server: Express in front of the React Router build. It is stateless (sessions,
// rate limits, jobs live in the database), so several instances can run behind a load balancer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = path.resolve(root, process.env.RR_BUILD_DIR ?? "build");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// req.ip is the client only when proxies in front are trusted; default: loopback proxies only.
app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
  next();
});
// Hashed assets are cached for a year, so they are worth a denser encoding; pages are compressed on
// every request, so they get the cheapest levels (bench/page-cost.ts: Brotli quality 1 is as small
// as gzip level 6 on our HTML at a quarter of the CPU time; gzip 3 for clients without Brotli).
const BROTLI_QUALITY = zlib.constants.BROTLI_PARAM_QUALITY;
app.use(
  "/assets",
  compression({ brotli: { params: { [BROTLI_QUALITY]: 5 } } }),
  express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
);
// Other public files, if the build has any: checking the disk before every page costs a stat() each.
const clientDir = path.join(buildDir, "client");
if (fs.readdirSync(clientDir).some((name) => name !== "assets")) {
  app.use(express.static(clientDir, { maxAge: "1h" }));
}
app.use(compression({ level: 3, brotli: { params: { [BROTLI_QUALITY]: 1 } } }));

const build = await import(path.join(buildDir, "server/index.js"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req) => ({ clientIp: req.ip ?? "0.0.0.0" }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(
    `Relay CRM listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (portal /, back office /crm)`,
  );
});

// Stop on SIGINT/SIGTERM by closing the listener and exiting normally (so `node --cpu-prof` writes
// its profile, and a supervisor's stop does not cut a response in half).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
