import { describe, expect, it } from "vitest";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { eventLines, leadSourceText, routingStep } from "./lead-event-text.ts";
import type { LeadEventView } from "./lead-queries.server.ts";

// The history sentences: every event shape the services write, in both languages.

const zh = createTranslator("zh-CN");
const en = createTranslator("en");

function event(partial: Partial<LeadEventView> & { type: string }): LeadEventView {
  return {
    id: "1",
    createdAt: new Date("2026-05-01T08:00:00Z"),
    actorType: "staff",
    actorName: "王磊",
    detail: {},
    names: { staff: { "7": "李娜", "8": "张伟", "9": "林晓雯" }, tokenGroup: "华北销售轮值" },
    ...partial,
  };
}

describe("lead event text", () => {
  it("an intake routed by token turn, with skipped people and the channel", () => {
    const routed = event({
      type: "routed",
      actorType: "api",
      actorName: null,
      detail: {
        ownerId: 7,
        steps: [{ code: "token-turn", position: 1, staffId: 7 }, { code: "unknown-step" }],
        skipped: [
          { staffId: 8, reason: "staff-away" },
          { name: "吴强", reason: "something-new" },
        ],
      },
    });
    expect(eventLines(routed, zh)).toEqual({
      title: "外部网站（接口）把线索分配给 李娜",
      lines: ["令牌组「华北销售轮值」轮到第 2 位：李娜", "跳过：张伟（不在岗）", "跳过：吴强（something-new）"],
      kind: "other",
    });
    const created = eventLines(event({ type: "created", actorType: "visitor", detail: { source: "portal" } }), zh);
    expect(created.title).toBe("网站访客提交了线索");
    expect(created.lines[0]).toContain(leadSourceText("portal", zh));
  });

  it("status changes are their own kind and name both statuses", () => {
    const text = eventLines(event({ type: "status_changed", detail: { from: "new", to: "contacted" } }), en);
    expect(text.kind).toBe("status");
    expect(text.title).toContain(en("leads.status.new"));
    expect(text.title).toContain(en("leads.status.contacted"));
    expect(text.title.startsWith("王磊")).toBe(true);
  });

  it("distribution lists each person's rights; a rights-only change says so", () => {
    const distributed = eventLines(
      event({
        type: "distributed",
        detail: {
          ruleId: 3,
          assignees: [
            { staffId: 7, canEditNeed: true, canEditStatus: true },
            { staffId: 8, canEditContact: true },
            { staffId: 9 },
          ],
        },
      }),
      zh,
    );
    expect(distributed.title).toBe("王磊把线索分发给 李娜、张伟、林晓雯");
    expect(distributed.lines).toEqual([
      "按分发规则 #3",
      "李娜：需求、状态",
      "张伟：联系人",
      `林晓雯：${zh("leadWork.rights.readOnly")}`,
    ]);

    const rights = eventLines(
      event({ type: "distributed", detail: { assignees: [{ staffId: 7, change: "rights", canEditNeed: true }] } }),
      zh,
    );
    expect(rights.title).toBe("王磊调整了 李娜 的编辑权限");
  });

  it("recall, transfer, claim, edit and identification", () => {
    const recalled = eventLines(
      event({ type: "recalled", detail: { fromStaffIds: [7, 8], claimClearedStaffId: 7, statusTo: "new" } }),
      zh,
    );
    expect(recalled.title).toBe("王磊从 李娜、张伟 收回了线索");
    expect(recalled.lines).toEqual(["线索回到“新线索”，可重新分发", "李娜 的认领随之取消"]);

    expect(eventLines(event({ type: "transferred", detail: { fromOwnerId: 7, toOwnerId: 9 } }), zh).title).toBe(
      "王磊把线索从 李娜 转交给 林晓雯",
    );
    expect(eventLines(event({ type: "claimed", actorName: "李娜" }), zh).title).toBe("李娜认领了线索（我处理）");

    const edited = eventLines(
      event({ type: "edited", detail: { group: "contact", fields: ["contactName", "contactMobile", 5] } }),
      zh,
    );
    expect(edited).toMatchObject({ title: "王磊修改了联系人", lines: ["修改内容：姓名、手机"] });

    const identified = eventLines(
      event({ type: "identified", detail: { group: "status", fields: ["identificationLabel", "demandStatus"] } }),
      en,
    );
    expect(identified.title).toBe(en("leadWork.history.identified", { actor: "王磊" }));
    expect(identified.lines).toEqual([
      en("leadWork.history.fields", {
        fields: [en("leadWork.identify.label"), en("leadWork.identify.demand")].join("、"),
      }),
    ]);
  });

  it("an unknown event type and an unnamed staff actor still read as a sentence", () => {
    const text = eventLines(event({ type: "merged", actorName: null }), zh);
    expect(text.title).toBe("一位员工：merged");
    expect(eventLines(event({ type: "created", actorType: "system", detail: {} }), zh).title).toBe("系统提交了线索");
  });

  it("routing steps fall back to names written in the step and to dashes", () => {
    const e = event({ type: "routed", names: { staff: {}, tokenGroup: null } });
    expect(routingStep({ code: "campaign-owner", campaign: "秋季推广", name: "林晓雯" }, e, zh)).toBe(
      "营销战役「秋季推广」的负责人：林晓雯",
    );
    expect(routingStep({ code: "group-empty" }, e, zh)).toBe("令牌组「—」没有成员，转交下一规则");
    expect(routingStep({ code: "designated", staffId: 99 }, e, zh)).toBe("登记分类的指定人员：—");
    expect(routingStep({ code: "nope" }, e, zh)).toBeNull();
  });
});
