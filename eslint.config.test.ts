import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The fences in eslint.config.js, each proven with a deliberate violation and a clean file. The
// paths are made up (lintText does not read them); they only decide which config blocks apply.
const root = path.dirname(fileURLToPath(import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.js") });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "fatal"}: ${m.message}`);
}

describe("fence: no Prisma in routes and surface components", () => {
  it("fails db., prisma. and tx. member access in a back-office or portal route", async () => {
    const code = `import { db } from "#app/lib/db.server.ts";
export async function loader() {
  await db.$transaction(async (tx) => tx.lead.update({ where: { id: 1 }, data: {} }));
  return db.lead.findMany();
}
export const count = (prisma: { member: { count(): number } }) => prisma.member.count();
`;
    const found = await problems("backoffice/routes/fence-probe.tsx", code);
    expect(found.filter((p) => p.startsWith("no-restricted-syntax"))).toHaveLength(4);
    expect(found.every((p) => p.includes("No Prisma in routes"))).toBe(true);
    expect(await problems("portal/components/fence-probe.tsx", code)).toHaveLength(4);
  });

  it("passes a route that only hands db to a service, and tests that set data up", async () => {
    const clean = `import { db } from "#app/lib/db.server.ts";
import { listLeads } from "#app/modules/leads/record/lead-queries.server.ts";
export async function loader() {
  return listLeads(db);
}
`;
    expect(await problems("backoffice/routes/fence-probe.tsx", clean)).toEqual([]);
    expect(await problems("portal/routes/fence-probe.tsx", clean)).toEqual([]);
    const testFile = `import { db } from "#app/lib/db.server.ts";
export const seed = () => db.lead.deleteMany();
`;
    expect(await problems("backoffice/routes/fence-probe.test.ts", testFile)).toEqual([]);
  });
});

describe("fence: search/ and emails/ stay adapters", () => {
  const violations = `import { can } from "#app/modules/auth/permissions.ts";
import { listLeads } from "../app/modules/leads/record/lead-queries.server.ts";
import { cn } from "#app/ui/cn.ts";
export const used = [can, listLeads, cn];
`;

  it.each(["search/fence-probe.ts", "emails/fence-probe.tsx"])(
    "fails domain modules and the UI kit in %s",
    async (file) => {
      const found = await problems(file, violations);
      expect(found).toHaveLength(3);
      expect(found.every((p) => p.startsWith("no-restricted-imports"))).toBe(true);
    },
  );

  it.each(["search/fence-probe.ts", "emails/fence-probe.tsx"])(
    "passes the job queue and app/lib in %s",
    async (file) => {
      const clean = `import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { env } from "#app/lib/env.server.ts";
export const used = [enqueueJob, env];
`;
      expect(await problems(file, clean)).toEqual([]);
    },
  );
});

describe("fence: the UI kit renders what it is given", () => {
  it("fails server modules and the two-dictionary translate.ts in app/ui", async () => {
    const found = await problems(
      "app/ui/fence-probe.tsx",
      `import { listLeads } from "#app/modules/leads/record/lead-queries.server.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
export const used = [listLeads, createTranslator];
`,
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^no-restricted-imports: .*no server code/);
    expect(found[1]).toMatch(/^@typescript-eslint\/no-restricted-imports: .*both dictionaries/);
  });

  it("passes shared rules, catalog helpers and type imports", async () => {
    const clean = `import { can } from "#app/modules/auth/permissions.ts";
import { isMessageKey } from "#app/lib/i18n/catalog.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
export const used = [can, isMessageKey];
export type Key = MessageKey;
`;
    expect(await problems("app/ui/fence-probe.tsx", clean)).toEqual([]);
  });

  it("keeps translate.ts out of surface components too", async () => {
    const code = `import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
export const used = DICTIONARIES;
`;
    expect(await problems("backoffice/components/fence-probe.tsx", code)).toHaveLength(1);
    expect(await problems("backoffice/components/fence-probe.server.ts", code)).toEqual([]);
  });
});

describe("fence: the two surfaces stay apart", () => {
  it("fails the portal importing the back office and the reverse", async () => {
    expect(await problems("portal/routes/fence-probe.tsx", `import "#backoffice/components/nav.ts";\n`)).toHaveLength(
      1,
    );
    expect(
      await problems("backoffice/routes/fence-probe.tsx", `import "#portal/components/portal-header.tsx";\n`),
    ).toHaveLength(1);
    expect(await problems("app/lib/fence-probe.ts", `import "#portal/components/portal-header.tsx";\n`)).toHaveLength(
      1,
    );
  });
});
