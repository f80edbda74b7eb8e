// Two production builds side by side in one process: CPU ms per request of each page, in alternating
// rounds (A, B, A, B …) so that the load of a shared machine falls on both alike, plus statements and
// bytes per request. Each build gets its own query-logging client (request-queries.ts). Not in CI.
//
//   BENCH_DATABASE_URL=…/relay_bench_contacts npx tsx bench/support/compare-builds.ts \
//     --before build-c-before --after build-c --staff admin@relay-demo.cn:Relay-demo-2026 /crm/me/away
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { localeCookieValue, openBuild } from "./request-queries.ts";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    before: { type: "string" },
    after: { type: "string" },
    member: { type: "string" },
    staff: { type: "string" },
    locale: { type: "string" },
    repeat: { type: "string", default: "100" },
    rounds: { type: "string", default: "4" },
    data: { type: "boolean", default: false },
  },
});
if (!args.before || !args.after) throw new Error("--before <build dir> --after <build dir>");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_pages";
const builds = [
  { name: "before", app: await openBuild(root, args.before, url) },
  { name: "after", app: await openBuild(root, args.after, url) },
];

async function cookieFor(app: (typeof builds)[number]["app"]) {
  const signedIn = args.staff
    ? await app.signIn("/crm/login", args.staff)
    : args.member
      ? await app.signIn("/login", args.member)
      : undefined;
  return [signedIn, args.locale ? localeCookieValue(args.locale) : undefined].filter(Boolean).join("; ") || undefined;
}
const cookies = [await cookieFor(builds[0]!.app), await cookieFor(builds[1]!.app)];

const pages = args.data
  ? positionals.flatMap((p) => {
      const [pathname, search] = p.split("?");
      return [p, `${pathname === "/" ? "/_root" : pathname}.data${search ? `?${search}` : ""}`];
    })
  : positionals;
const repeat = Number(args.repeat);
for (const page of pages) {
  const perRound: number[][] = [[], []];
  const shape: string[] = [];
  for (const [i, { app }] of builds.entries()) {
    for (let w = 0; w < 30; w++) await app.send(page, { cookie: cookies[i] });
    const { response, body, queries } = await app.send(page, { cookie: cookies[i] });
    shape.push(`${response.status} ${queries.length} st ${body.length} B`);
  }
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const [i, { app }] of builds.entries()) {
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < repeat; r++) await app.send(page, { cookie: cookies[i] });
      const cpu = process.cpuUsage(cpu0);
      perRound[i]!.push((cpu.user + cpu.system) / 1000 / repeat);
    }
  }
  const summary = perRound.map((rounds) => {
    const sorted = [...rounds].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, least: sorted[0]! };
  });
  console.log(
    `${page.padEnd(28)} before ${shape[0]} | after ${shape[1]} | CPU ms/req median ${summary[0]!.median.toFixed(2)} → ${summary[1]!.median.toFixed(2)}, least ${summary[0]!.least.toFixed(2)} → ${summary[1]!.least.toFixed(2)}`,
  );
}
for (const { app } of builds) await app.close();
process.exit(0);
