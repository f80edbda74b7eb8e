// Production HTTP server: Express in front of the React Router build. It is stateless (sessions,
// rate limits, jobs live in the database), so several instances can run behind a load balancer.
import path from "node:path";
import { fileURLToPath } from "node:url";
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
app.use(compression());
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
  next();
});
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));

const build = await import(path.join(buildDir, "server/index.js"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req) => ({ clientIp: req.ip ?? "0.0.0.0" }),
  }),
);

app.listen(port, host, () => {
  console.log(
    `Relay CRM listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (portal /, back office /crm)`,
  );
});
