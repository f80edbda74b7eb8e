// A CPU profile of one page's steady state, in process: the build is loaded as request-queries.ts does
// (query-logging client as the app's `db`, the production request path, no HTTP), the page is warmed,
// and only the next `--repeat` requests are profiled (no start-up, no warm-up in the profile). Read
// the result with profile-summary.ts. Not in CI.
//
//   BENCH_DATABASE_URL=…/relay_bench_contacts npx tsx bench/support/profile-pages.ts --build build-c \
//     --staff admin@relay-demo.cn:Relay-demo-2026 --locale en --out /tmp/away.cpuprofile /crm/me/away
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { openSignedIn } from "./request-queries.ts";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build" },
    member: { type: "string" },
    staff: { type: "string" },
    locale: { type: "string" },
    repeat: { type: "string", default: "400" },
    out: { type: "string", default: "page.cpuprofile" },
  },
});
const { app, cookie } = await openSignedIn(args);
const pages = positionals;
for (let i = 0; i < 100; i++) for (const p of pages) await app.send(p, { cookie });
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
await session.post("Profiler.start");
const cpu0 = process.cpuUsage();
const repeat = Number(args.repeat);
for (let i = 0; i < repeat; i++) for (const p of pages) await app.send(p, { cookie });
const cpu = process.cpuUsage(cpu0);
const { profile } = await session.post("Profiler.stop");
writeFileSync(args.out, JSON.stringify(profile));
console.log(
  `${pages.join(" ")}: ${((cpu.user + cpu.system) / 1000 / repeat / pages.length).toFixed(2)} ms CPU/req (profiled) → ${args.out}`,
);
await app.close();
process.exit(0);
