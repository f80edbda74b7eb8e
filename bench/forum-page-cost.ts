// The forum pages' own cost per request, in process (decision 065): statements, bytes, elements (and
// the <svg>, <form>, <option> among them) and CPU ms per request, for a visitor and the bench member,
// html and `.data`. The build is imported with bench/support/request-queries.ts's query-logging client;
// run it once per build, alternating builds, to compare side by side. Not in CI.
//
//   BENCH_DATABASE_URL=mysql://relay:relay@127.0.0.1:3307/relay_bench_forum1m \
//     npx tsx bench/forum-page-cost.ts --build build-d --repeat 100 /forum/1 /forum/t/1
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cpuPerRequest, dataPath, openBuild } from "./support/request-queries.ts";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build" },
    member: { type: "string", default: "bench.member@relay-bench.cn:Relay-bench-2026" },
    repeat: { type: "string", default: "100" },
    rounds: { type: "string", default: "3" },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_forum1m";
const app = await openBuild(root, args.build, url);
const member = await app.signIn("/login", args.member);

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

console.log(`build ${args.build}`);
console.log(
  "principal  url                                status  stmts    bytes  elements  svg  form  option  CPU ms/req (least)",
);
for (const [who, cookie] of [
  ["visitor", undefined],
  ["member", member],
] as const) {
  for (const page of positionals.length > 0 ? positionals : ["/forum/1", "/forum/t/1"]) {
    for (const p of [page, dataPath(page)]) {
      await app.send(p, { cookie });
      const { response, body, queries } = await app.send(p, { cookie });
      const html = body.toString("utf8");
      const repeat = Number(args.repeat);
      const cpu = await cpuPerRequest(app, p, cookie, {
        repeat,
        rounds: Number(args.rounds),
        warm: Math.min(30, repeat),
      });
      const isHtml = !p.includes(".data");
      const el = (re: RegExp) => (isHtml ? String(count(html, re)) : "-");
      console.log(
        [
          who.padEnd(9),
          p.padEnd(34),
          String(response.status).padStart(6),
          String(queries.length).padStart(6),
          String(body.length).padStart(8),
          el(/<[a-zA-Z][^\s/>]*/g).padStart(9),
          el(/<svg[\s>]/g).padStart(4),
          el(/<form[\s>]/g).padStart(5),
          el(/<option[\s>]/g).padStart(7),
          `${cpu.median.toFixed(2).padStart(8)} (${cpu.least.toFixed(2)})`,
        ].join("  "),
      );
    }
  }
}
await app.close();
process.exit(0);
