import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { defaultSalesMethod } from "#app/modules/crm/opportunities/sales-stages.server.ts";
import { createSalesCompany, createSalesOpportunity, createSalesStaff } from "#tests/factories/sales.ts";
import { get, outcome, post, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as layoutLoader } from "../opportunity-detail.tsx";
import { action as boardAction, loader as boardLoader } from "./opportunities-board.tsx";
import { action as itemsAction } from "./opportunity-items.tsx";
import { action as newAction, loader as newLoader } from "./opportunity-new.tsx";
import { action as overviewAction, loader as overviewLoader } from "./opportunity-overview.tsx";
import { action as workAction, loader as workLoader } from "./opportunity-work.tsx";

// The opportunity pages through their routes: scope (404 for strangers), the intents of the tabs
// and the board, a stale version answered 409, odd input answered 4xx with nothing changed.

beforeEach(() => resetDatabase());

const versionOf = async (id: number) =>
  (await db.opportunity.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

describe("opportunity pages", () => {
  it("opens the record and its tabs in scope only; notes and tasks through the work tab", async () => {
    const rep = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    const path = `/crm/opportunities/${opp.id}`;
    const params = { opportunityId: String(opp.id) };
    const cookie = await staffCookie(rep.staff.id);
    const strangerCookie = await staffCookie(stranger.staff.id);

    expect((await outcome(() => layoutLoader(get(path, cookie, params)))).status).toBe(200);
    expect((await outcome(() => layoutLoader(get(path, cookie, { opportunityId: "abc" })))).status).toBe(404);
    expect((await outcome(() => layoutLoader(get(path, strangerCookie, params)))).status).toBe(404);
    expect((await outcome(() => overviewLoader(get(path, strangerCookie, params)))).status).toBe(404);

    const work = `${path}/work`;
    expect(
      (await outcome(() => workAction(post(work, strangerCookie, { intent: "note", body: "偷写" }, params)))).status,
    ).toBe(404);
    const empty = await outcome(() => workAction(post(work, cookie, { intent: "note", body: " " }, params)));
    expect(empty).toMatchObject({ status: 400, body: { fieldErrors: { body: ["leadWork.error.required"] } } });
    const noted = await outcome(() => workAction(post(work, cookie, { intent: "note", body: "约了演示" }, params)));
    expect(noted).toMatchObject({ status: 302, location: `${work}?flash=flash.records.noted` });
    const tasked = await outcome(() =>
      workAction(post(work, cookie, { intent: "task", title: "准备报价", dueAt: "2030-01-10" }, params)),
    );
    expect(tasked.location).toBe(`${work}?flash=flash.records.taskAdded`);
    expect((await outcome(() => workAction(post(work, cookie, { intent: "bogus" }, params)))).status).toBe(400);
    const page = await workLoader(get(work, cookie, params));
    expect(page.notes.map((n) => n.body)).toEqual(["约了演示"]);
    expect(page.tasks.map((t) => [t.title, t.assignee.id])).toEqual([["准备报价", rep.staff.id]]);
  });

  it("edits with the version (stale → 409), refuses bad input with 400 and adds items", async () => {
    const rep = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    const path = `/crm/opportunities/${opp.id}`;
    const params = { opportunityId: String(opp.id) };
    const cookie = await staffCookie(rep.staff.id);
    const version = await versionOf(opp.id);

    const saved = await outcome(() =>
      overviewAction(post(path, cookie, { intent: "edit", name: "数控机床两台", amount: "1,000", version }, params)),
    );
    expect(saved).toMatchObject({ status: 302, location: `${path}?flash=flash.saved` });
    const stale = await outcome(() =>
      overviewAction(post(path, cookie, { intent: "edit", name: "又一次", version }, params)),
    );
    expect(stale).toMatchObject({ status: 409, body: { message: "opportunities.error.conflict" } });
    const bad = await outcome(() =>
      overviewAction(post(path, cookie, { intent: "edit", name: "", version: "not a date" }, params)),
    );
    expect(bad.status).toBe(400);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).name).toBe("数控机床两台");

    const product = await db.product.create({ data: { sku: "SY3240", name: "平衡机", unitPrice: "315000" } });
    const items = `${path}/items`;
    const current = await versionOf(opp.id);
    const added = await outcome(() =>
      itemsAction(
        post(
          items,
          cookie,
          {
            intent: "item-add",
            productId: String(product.id),
            quantity: "2",
            discountPercent: "5",
            version: current,
          },
          params,
        ),
      ),
    );
    expect(added.status).toBe(302);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).amount.toFixed(2)).toBe("598500.00");
    const oddItem = await outcome(() =>
      itemsAction(post(items, cookie, { intent: "item-add", productId: "x", quantity: "-1", version: "?" }, params)),
    );
    expect(oddItem.status).toBe(400);
  });

  it("creates from a company page and moves on the board (wrong stage 400, stranger 404)", async () => {
    const rep = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const company = await createSalesCompany(db, { ownerId: rep.staff.id, name: "沈阳力豪精密机械" });
    const cookie = await staffCookie(rep.staff.id);
    const form = await newLoader(get(`/crm/opportunities/new?company=${company.id}`, cookie));
    expect(form.prefill.links.companyId).toBe(company.id);
    const created = await outcome(() =>
      newAction(post("/crm/opportunities/new", cookie, { name: "数控机床SK3027", companyId: String(company.id) })),
    );
    expect(created.status).toBe(302);
    const opp = await db.opportunity.findFirstOrThrow({ where: { companyId: company.id } });
    expect(created.location).toBe(`/crm/opportunities/${opp.id}?flash=flash.created`);

    const method = await defaultSalesMethod(db);
    const proposal = method.stages.find((s) => s.legacyStage === "proposal")!;
    const board = "/crm/opportunities/board";
    const move = (c: string, stageId: string, version: string) =>
      outcome(() => boardAction(post(board, c, { intent: "move", opportunityId: String(opp.id), stageId, version })));
    expect(
      (await move(await staffCookie(stranger.staff.id), String(proposal.id), await versionOf(opp.id))).status,
    ).toBe(404);
    expect((await move(cookie, "999999", await versionOf(opp.id))).status).toBe(400);
    expect((await move(cookie, String(proposal.id), await versionOf(opp.id))).status).toBe(302);
    const page = await boardLoader(get(board, cookie));
    const column = page.columns.find((c) => c.stage.id === proposal.id)!;
    expect(column.cards.map((c) => c.id)).toEqual([opp.id]);
    expect(
      (await outcome(() => boardAction(post(board, cookie, { intent: "move", opportunityId: "abc" })))).status,
    ).toBe(404);
  });
});
