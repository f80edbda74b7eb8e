import { describe, expect, it } from "vitest";
import { renderEmail } from "../render.server.ts";

const props = {
  ownerName: "李娜",
  leadNumber: "LEAD000000000042",
  who: "刘洋@北京星辰科技有限公司",
  contactName: "刘洋",
  contactTitle: "IT 经理",
  contactEmail: "liu.yang@xingchen.cn",
  contactPhone: "13800138000",
  companyName: "北京星辰科技有限公司",
  companyPlace: "北京 海淀",
  requirement: "想了解 200 人规模的部署方案。\n希望下周演示。",
  items: [
    { sku: "RLY-CRM-STD", name: "接力 CRM 标准版", quantity: 200 },
    { sku: "RLY-X", quantity: 1 },
  ],
  categoryName: "在线需求",
  routedBy: "token-group" as const,
  submittedAt: new Date("2026-11-22T08:05:00Z"),
  matchCount: 2,
  leadUrl: "https://crm.example.com/crm/leads/42",
};

describe("lead-assigned", () => {
  it("tells the owner in Chinese why the lead is theirs and how to reach the prospect", async () => {
    const mail = await renderEmail("lead-assigned", props, "zh-CN");
    expect(mail.subject).toBe("新线索 LEAD000000000042：刘洋@北京星辰科技有限公司");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("李娜，你好");
      expect(part).toContain("按令牌轮转规则");
      expect(part).toContain("在线需求");
      expect(part).toContain("liu.yang@xingchen.cn");
      expect(part).toContain("13800138000");
      expect(part).toContain("2026年11月22日 16:05 (GMT+8)");
      expect(part).toContain("接力 CRM 标准版 (RLY-CRM-STD) × 200");
      expect(part).toContain("RLY-X × 1");
      expect(part).toContain("2 条可能已存在");
      expect(part).toContain("https://crm.example.com/crm/leads/42");
    }
  });

  it("renders in English and explains each routing reason", async () => {
    const mail = await renderEmail("lead-assigned", { ...props, routedBy: "default-owner", matchCount: 0 }, "en");
    expect(mail.subject).toBe("New lead LEAD000000000042: 刘洋@北京星辰科技有限公司");
    expect(mail.text).toContain("Hello 李娜");
    expect(mail.text).toContain("designated person of this registration category");
    expect(mail.text).not.toContain("possibly existing");
    const campaign = await renderEmail("lead-assigned", { ...props, routedBy: "campaign-owner" }, "en");
    expect(campaign.text).toContain("campaign you own");
    const manual = await renderEmail("lead-assigned", { ...props, routedBy: "manual" }, "zh-CN");
    expect(manual.text).toContain("同事在后台录入");
  });

  it("leaves out what the submission did not contain", async () => {
    const mail = await renderEmail(
      "lead-assigned",
      {
        ownerName: "陈静",
        leadNumber: "LEAD000000000043",
        who: "上海云帆物流",
        companyName: "上海云帆物流",
        routedBy: "campaign-owner",
        submittedAt: new Date("2026-11-22T08:05:00Z"),
        leadUrl: "https://crm.example.com/crm/leads/43",
      },
      "zh-CN",
    );
    expect(mail.text).toContain("上海云帆物流");
    for (const absent of ["邮箱", "电话", "需求", "产品", "可能已存在", "登记分类"]) {
      expect(mail.text, absent).not.toContain(absent);
    }
  });
});
