// What the browser downloads: reads a production build's client manifest and assets and prints, raw
// and gzipped, the i18n payload (the chunks holding dictionary strings), the largest portal route
// chunks and the whole JS of a few pages. Not part of CI.
//
//   RR_BUILD_DIR=build-perf npx react-router build
//   npx tsx bench/bundle-size.ts                  # reads build-perf (or $RR_BUILD_DIR)
//   npx tsx bench/bundle-size.ts --build build --json out.json
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values: args } = parseArgs({
  options: {
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-perf" },
    json: { type: "string" },
  },
});
const clientDir = path.resolve(args.build, "client");
const assetsDir = path.join(clientDir, "assets");

interface RouteEntry {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, RouteEntry>;
}

const manifestFile = readdirSync(assetsDir).find((f) => /^manifest-[\w-]+\.js$/.test(f));
if (!manifestFile) throw new Error(`no manifest-*.js in ${assetsDir}: build first`);
const manifestSource = readFileSync(path.join(assetsDir, manifestFile), "utf8");
const manifest = JSON.parse(
  manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1),
) as Manifest;

const sizes = new Map<string, { raw: number; gzip: number; text: string }>();
function size(url: string) {
  let s = sizes.get(url);
  if (!s) {
    const text = readFileSync(path.join(clientDir, url), "utf8");
    s = { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, text };
    sizes.set(url, s);
  }
  return s;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// Dictionary chunks: a value that only a dictionary holds, one per language.
const ZH_PROBE = "页面不存在";
const EN_PROBE = "Page not found";
const allChunks = readdirSync(assetsDir)
  .filter((f) => f.endsWith(".js"))
  .map((f) => `/assets/${f}`);
const dictionaryChunks = allChunks.filter((url) => {
  const { text } = size(url);
  return text.includes(ZH_PROBE) || text.includes(EN_PROBE);
});
const zhChunks = dictionaryChunks.filter((url) => size(url).text.includes(ZH_PROBE));

/** Every JS file the browser loads for a route: entry, its ancestors' and its own modules and imports. */
function pageFiles(routeId: string): Set<string> {
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) break;
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  // The active locale's dictionary, when entry.client loads it on its own rather than through an import.
  for (const url of zhChunks) files.add(url);
  return files;
}

function total(files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    raw += size(f).raw;
    gzip += size(f).gzip;
  }
  return { raw, gzip };
}

const i18n = dictionaryChunks.map((url) => ({
  chunk: url,
  holds: [size(url).text.includes(ZH_PROBE) && "zh-CN", size(url).text.includes(EN_PROBE) && "en"]
    .filter(Boolean)
    .join("+"),
  raw: size(url).raw,
  gzip: size(url).gzip,
}));
const portalRoutes = Object.values(manifest.routes)
  .filter((r) => r.id.startsWith("portal/"))
  .map((r) => ({ route: r.id, chunk: r.module, raw: size(r.module).raw, gzip: size(r.module).gzip }))
  .sort((a, b) => b.raw - a.raw);
const pages = ["portal/home", "portal/knowledge", "portal/zone", "crm/leads", "crm/service"]
  .filter((id) => manifest.routes[id])
  .map((id) => ({ route: id, files: pageFiles(id).size, ...total(pageFiles(id)) }));

console.log(`bundle-size: ${args.build} (${allChunks.length} JS chunks, ${kb(total(allChunks).raw)} raw)`);
console.log("i18n payload (chunks holding dictionary strings):");
for (const c of i18n)
  console.log(`  ${c.chunk.padEnd(40)} ${c.holds.padEnd(8)} ${kb(c.raw).padStart(10)} ${kb(c.gzip).padStart(9)} gz`);
console.log("largest portal route chunks:");
for (const r of portalRoutes.slice(0, 5))
  console.log(`  ${r.route.padEnd(32)} ${r.chunk.padEnd(40)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(9)} gz`);
console.log("all JS a page loads (zh-CN):");
for (const p of pages)
  console.log(
    `  ${p.route.padEnd(32)} ${String(p.files).padStart(3)} files ${kb(p.raw).padStart(10)} ${kb(p.gzip).padStart(9)} gz`,
  );

if (args.json) writeFileSync(args.json, JSON.stringify({ build: args.build, i18n, portalRoutes, pages }, null, 2));
