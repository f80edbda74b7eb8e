// Where a server's CPU went: reads a V8 .cpuprofile (node --cpu-prof) and prints the heaviest
// functions by self time and by total (inclusive) time, as shares of the profile's busy time, plus
// the share per package (node_modules/<pkg>, the app's build, node: internals). Not in CI.
//
//   npx tsx bench/forum-threads.ts --no-setup --only "thread page, member (html)" --node-args=--cpu-prof
//   npx tsx bench/support/profile-summary.ts CPU.*.cpuprofile [--top 40] [--match getPartialManifest]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "30" }, match: { type: "string" } },
});

function packageOf(url: string): string {
  if (!url) return "(native/gc/idle)";
  if (url.startsWith("node:")) return "node:";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes("/server/")) return "app build";
  return url.replace(/^file:\/\/\/work\/main\//, "");
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const idle = (n: ProfileNode) => ["(idle)", "(program)"].includes(n.callFrame.functionName);
  let busy = 0;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (idle(node)) continue;
    busy += us;
    const key = (n: ProfileNode) =>
      `${n.callFrame.functionName || "(anonymous)"} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    const pkg = node.callFrame.functionName === "(garbage collector)" ? "(gc)" : packageOf(node.callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    // Inclusive: every distinct frame on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const top = Number(args.top);
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    [...map]
      .filter(([k]) => !args.match || k.includes(args.match))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, us]) => console.log(`${((100 * us) / busy).toFixed(1).padStart(6)} %  ${k}`));
  };
  console.log(`${file}: busy ${(busy / 1000).toFixed(0)} ms`);
  print("by package (self)", packages);
  print("self", self);
  print("total (inclusive)", total);
}
