// Production HTTP server: Express in front of the React Router build. It is stateless (sessions,
// rate limits, jobs live in the database), so several instances can run behind a load balancer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "react-router";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = path.resolve(root, process.env.RR_BUILD_DIR ?? "build");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// req.ip is the client only when proxies in front are trusted; default: loopback proxies only.
app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
const production = (process.env.NODE_ENV ?? "production") === "production";
// Static files get the basic headers here; React Router's answers get them (and a document's nonce
// CSP) from the request guard in the server build (app/lib/request-guard.server.ts).
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
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
const handleRequest = createRequestHandler(build, process.env.NODE_ENV ?? "production");
// Body limits per route class, 400/415 for bodies a form action cannot read, security headers: one
// function in the app (issue #13), shipped in the build through entry.server.tsx.
const { handleAppRequest } = build.entry.module;

/** The Fetch Request for an Express request (as @react-router/express builds it). */
function toRequest(req, res) {
  const [, forwardedPort] = req.app.enabled("trust proxy") ? (req.get("X-Forwarded-Host")?.split(":") ?? []) : [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p, 10)).find(Number.isSafeInteger);
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || "localhost";
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  // Abort loaders when the client goes away before the answer is complete, not after.
  let controller = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : [values]) if (value !== undefined) headers.append(key, value);
  }
  const init = { method: req.method, headers, signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

app.all("*", async (req, res, next) => {
  try {
    const loadContext = { clientIp: req.ip ?? "0.0.0.0" };
    const response = await handleAppRequest(toRequest(req, res), (request) => handleRequest(request, loadContext), {
      production,
    });
    if (res.destroyed || res.writableEnded) return void (await response.body?.cancel());
    res.statusMessage = response.statusText;
    res.status(response.status);
    // Replace, not append: the static-file middleware above already set the security headers, and
    // the app's answer carries the same ones (a doubled "nosniff, nosniff" is invalid). Only
    // Set-Cookie may repeat; Headers lists each cookie separately.
    for (const [key, value] of response.headers.entries()) {
      if (key === "set-cookie") res.append(key, value);
      else res.setHeader(key, value);
    }
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
    // A refused body (413) may still be arriving: Node discards it; hang up a second after the answer
    // so an endless chunked upload cannot hold the connection.
    if (!req.complete) setTimeout(() => req.socket.destroy(), 1000).unref();
  } catch (error) {
    if (res.destroyed || res.writableEnded) return;
    next(error);
  }
});

const server = app.listen(port, host, () => {
  // One JSON line like every other log line (app/lib/log.server.ts).
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "info", event: "server.listening", url, node: process.version })}\n`,
  );
});

// Graceful stop on SIGINT/SIGTERM (issue #12 item 3): stop accepting connections, let in-flight
// requests finish (up to 10 s), let the in-process worker finish the batch it holds, close the pool,
// exit normally (so `node --cpu-prof` writes its profile).
const GRACE_MS = 10_000;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    const deadline = setTimeout(() => process.exit(0), GRACE_MS);
    deadline.unref();
    server.closeIdleConnections?.();
    server.close(async () => {
      await build.entry.module.shutdownBackgroundWork?.().catch(() => {});
      process.exit(0);
    });
  });
}
