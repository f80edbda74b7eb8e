// Writes the html of pages from a build to files, to compare two builds' markup (`diff` the files).
// Not in CI.
//
//   npx tsx bench/support/dump-pages.ts --build build-c --staff a@b.cn:pw --locale en --out /tmp/after/ /crm/me/away
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openSignedIn } from "./request-queries.ts";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build" },
    member: { type: "string" },
    staff: { type: "string" },
    locale: { type: "string" },
    out: { type: "string", default: "./" },
  },
});
const { app, cookie } = await openSignedIn(args);
for (const page of positionals) {
  const { response, body } = await app.send(page, { cookie });
  const file = `${args.out}${page.replace(/[^a-z0-9]+/gi, "_")}.html`;
  writeFileSync(file, body);
  console.log(`${response.status} ${file} ${body.length} bytes`);
}
await app.close();
process.exit(0);
