import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "#app/lib/db.server.ts";
import { listOpportunities } from "#app/modules/crm/opportunities.server.ts";
import { createSalesCompany, createSalesOpportunity, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";

// docs/operations.md promises that a backup restores into a fresh database and the app serves it:
// this runs the two scripts as an operator would and reads the restored data through a domain service.

const work = mkdtempSync(path.join(tmpdir(), "relay-backup-"));
const restoredUrl = (() => {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `${url.pathname}_restored`;
  return url.toString();
})();

afterAll(async () => {
  const admin = createDb(process.env.DATABASE_URL);
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS \`${new URL(restoredUrl).pathname.slice(1)}\``);
  await admin.$disconnect();
  rmSync(work, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>): string {
  return execFileSync("bash", [script, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("backup and restore (scripts/backup.sh, scripts/restore.sh)", () => {
  it("restores database and uploads into a fresh database, and the app reads them", async () => {
    await resetDatabase();
    const rep = await createSalesStaff(db, "sales");
    const company = await createSalesCompany(db, { name: "备份测试有限公司" });
    await createSalesOpportunity(db, {
      ownerId: rep.staff.id,
      stage: "proposal",
      amount: "1234.50",
      companyId: company.id,
    });
    const uploads = path.join(work, "uploads");
    mkdirSync(path.join(uploads, "ab"), { recursive: true });
    writeFileSync(path.join(uploads, "ab", "abcdef"), "合同扫描件");

    const dir = run("scripts/backup.sh", [path.join(work, "backups")], { UPLOAD_DIR: uploads })
      .trim()
      .split("\n")
      .at(-1)!;
    const manifest = readFileSync(path.join(dir, "MANIFEST"), "utf8");
    expect(manifest).toContain("20261122000000_platform_foundation");

    const restoredUploads = path.join(work, "restored-uploads");
    run("scripts/restore.sh", [dir], { DATABASE_URL: restoredUrl, UPLOAD_DIR: restoredUploads });
    expect(readFileSync(path.join(restoredUploads, "ab", "abcdef"), "utf8")).toBe("合同扫描件");

    const restored = createDb(restoredUrl);
    try {
      const page = await listOpportunities(restored, rep.actor);
      expect(page.items.map((o) => o.company?.name)).toEqual(["备份测试有限公司"]);
      expect(page.totals?.amount).toBe("1234.50");
    } finally {
      await restored.$disconnect();
    }

    // A second restore into the now non-empty database is refused and changes nothing.
    expect(() =>
      run("scripts/restore.sh", [dir], { DATABASE_URL: restoredUrl, UPLOAD_DIR: restoredUploads }),
    ).toThrow();
  }, 120_000);

  it("refuses a backup whose files do not match the manifest", () => {
    const dir = path.join(work, "tampered");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "database.sql.gz"), "x");
    writeFileSync(path.join(dir, "uploads.tar.gz"), "y");
    writeFileSync(
      path.join(dir, "MANIFEST"),
      `${"0".repeat(64)}  database.sql.gz\n${"0".repeat(64)}  uploads.tar.gz\n`,
    );
    expect(() => run("scripts/restore.sh", [dir], { DATABASE_URL: restoredUrl })).toThrow();
  });
});
