import { describe, expect, it } from "vitest";
import { renderEmail } from "../render.server.ts";
import { TEMPLATE_NAMES, type TemplateName, type TemplateProps } from "./index.ts";

// #14 item 9: customers are addressed as 您 and never see the internal slogan or CRM jargon.

const at = new Date("2026-11-22T08:05:00Z");
const url = "https://crm.example.com/account";

/** Every e-mail a member (customer) can receive, with props for each variant. */
const customerMails: { [N in TemplateName]?: Array<TemplateProps<N>> } = {
  "member-activation": [
    { nickname: "王工", accountEmail: "wang@example.com", activationUrl: url, expiresAt: at, resendUrl: url },
  ],
  "member-already-registered": [
    {
      accountEmail: "wang@example.com",
      pending: false,
      attemptedAt: at,
      signInUrl: url,
      resetUrl: url,
      resendUrl: url,
    },
    { accountEmail: "wang@example.com", pending: true, attemptedAt: at, signInUrl: url, resetUrl: url, resendUrl: url },
  ],
  "member-password-reset": [
    {
      nickname: "王工",
      accountEmail: "wang@example.com",
      resetUrl: url,
      expiresAt: at,
      requestedAt: at,
      ipAddress: "203.0.113.7",
    },
  ],
  "member-email-change": [{ nickname: "王工", newEmail: "new@example.com", confirmUrl: url, expiresAt: at }],
  "member-email-changed": [
    { nickname: "王工", oldEmail: "old@example.com", newEmail: "new@example.com", changedAt: at, helpUrl: url },
  ],
  "member-new-message": [{ nickname: "王工", staffName: "李娜", subject: "发票", excerpt: "已开具。", threadUrl: url }],
  "service-request-reply": (["reply", "status"] as const).map((event) => ({
    recipientName: "王工",
    direction: "to-member" as const,
    event,
    requestNumber: "SR-0001",
    subject: "打印机无法开机",
    authorName: "李娜",
    excerpt: "已安排上门。",
    status: "in_progress" as const,
    requestUrl: url,
  })),
};

const INFORMAL_YOU = /你/; // 您 is a different character, so any 你 is the informal form.
const INTERNAL = [
  /交到对的人手里/,
  /every lead, handed/i,
  /线索/,
  /令牌/,
  /商机/,
  /联系人@单位/,
  /进入 ?CRM/,
  /轮流分配/,
];

describe("customer e-mails", () => {
  it("cover every member-facing template", () => {
    const memberTemplates = TEMPLATE_NAMES.filter((name) => name.startsWith("member-"));
    expect(Object.keys(customerMails)).toEqual(expect.arrayContaining(memberTemplates));
  });

  for (const [name, variants] of Object.entries(customerMails) as Array<[TemplateName, Array<never>]>) {
    it(`${name}: 您 throughout and no internal slogan or jargon, in Chinese and English`, async () => {
      for (const props of variants) {
        const zh = await renderEmail(name, props, "zh-CN");
        for (const part of [zh.subject, zh.html, zh.text]) {
          expect(part).not.toMatch(INFORMAL_YOU);
          for (const pattern of INTERNAL) expect(part).not.toMatch(pattern);
        }
        expect(zh.text).toContain("您");
        const en = await renderEmail(name, props, "en");
        for (const part of [en.subject, en.html, en.text]) {
          for (const pattern of INTERNAL) expect(part).not.toMatch(pattern);
        }
      }
    });
  }
});
