import { describe, expect, it } from "vitest";
import { LOCALES } from "#app/lib/i18n/locales.ts";
import { renderEmail } from "./render.server.ts";
import { TEMPLATE_NAMES } from "./templates/index.ts";

const lockedAt = new Date("2026-11-22T08:05:00Z"); // 16:05 in Beijing
const unlockAt = new Date("2026-11-22T08:20:00Z");

describe("test-message", () => {
  const props = { recipientName: "王芳", requestedBy: "系统管理员", sentAt: lockedAt, channel: "dev-inbox" as const };

  it("renders in Chinese with the facts in html and text", async () => {
    const mail = await renderEmail("test-message", props, "zh-CN");
    expect(mail.subject).toBe("接力 CRM 测试邮件");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("王芳，你好");
      expect(part).toContain("系统管理员");
      expect(part).toContain("2026年11月22日 16:05 (GMT+8)");
      expect(part).toContain("开发邮箱（未真正发出）");
      expect(part).toContain("接力 CRM");
    }
    expect(mail.html).toContain('lang="zh-CN"');
    // The inbox preview line is hidden in the HTML and left out of the text version.
    expect(mail.html).toContain("如果你看到这封邮件");
    expect(mail.text).not.toContain("如果你看到这封邮件");
  });

  it("renders in English", async () => {
    const mail = await renderEmail("test-message", { ...props, recipientName: "Fang Wang", channel: "resend" }, "en");
    expect(mail.subject).toBe("Relay CRM test message");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Hello Fang Wang");
      expect(part).toContain("Nov 22, 2026, 16:05 (GMT+8)");
      expect(part).toContain("Resend");
      expect(part).toContain("Why you got this e-mail");
    }
  });
});

describe("account-locked", () => {
  const props = {
    name: "张伟",
    accountEmail: "zhang.wei@example.com",
    lockedAt,
    unlockAt,
    ipAddress: "203.0.113.7",
    failedAttempts: 5,
    signInUrl: "https://crm.example.com/crm/login",
  };

  it("names time, IP and what to do, in Chinese", async () => {
    const mail = await renderEmail("account-locked", props, "zh-CN");
    expect(mail.subject).toContain("已被暂时锁定");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("张伟");
      expect(part).toContain("zhang.wei@example.com");
      expect(part).toContain("203.0.113.7");
      expect(part).toContain("连续 5 次登录失败");
      expect(part).toContain("2026年11月22日 16:05 (GMT+8)");
      expect(part).toContain("2026年11月22日 16:20 (GMT+8)");
      expect(part).toContain("如果不是你本人操作");
      expect(part).toContain("https://crm.example.com/crm/login");
    }
  });

  it("names time, IP and what to do, in English", async () => {
    const mail = await renderEmail("account-locked", { ...props, name: "Wei Zhang" }, "en");
    expect(mail.subject).toBe("Security notice: your Relay CRM account is temporarily locked");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Hello Wei Zhang");
      expect(part).toContain("203.0.113.7");
      expect(part).toContain("5 failed sign-in attempts");
      expect(part).toContain("Nov 22, 2026, 16:05 (GMT+8)");
      expect(part).toContain("Nov 22, 2026, 16:20 (GMT+8)");
      expect(part).toContain("If this was not you");
    }
  });

  it("rejects props that do not fit the schema", async () => {
    await expect(renderEmail("account-locked", { ...props, signInUrl: "not a url" }, "en")).rejects.toThrow();
  });
});

describe("staff-welcome", () => {
  const props = {
    name: "李娜",
    accountEmail: "li.na@example.com",
    invitedBy: "陈总",
    signInUrl: "https://crm.example.com/crm/login",
    roles: ["销售", "客服"],
  };

  it("carries the sign-in link and account, never a password, in Chinese", async () => {
    const mail = await renderEmail("staff-welcome", props, "zh-CN");
    expect(mail.subject).toContain("欢迎加入接力 CRM");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("李娜，你好");
      expect(part).toContain("li.na@example.com");
      expect(part).toContain("陈总 为你开通");
      expect(part).toContain("销售、客服");
      expect(part).toContain("https://crm.example.com/crm/login");
      expect(part).toContain("不会通过邮件发送密码");
    }
    expect(mail.html).toContain('href="https://crm.example.com/crm/login"');
  });

  it("renders in English with default roles", async () => {
    const { roles: _roles, ...withoutRoles } = props;
    const mail = await renderEmail("staff-welcome", { ...withoutRoles, name: "Na Li", invitedBy: "Chen" }, "en");
    expect(mail.subject).toBe("Welcome to Relay CRM: your staff account is ready");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Hello Na Li");
      expect(part).toContain("Chen created a staff account");
      expect(part).toContain("none yet");
      expect(part).toContain("https://crm.example.com/crm/login");
    }
  });
});

describe("every template", () => {
  it("has a subject, an HTML document and a text version without markup, in both locales", async () => {
    const samples = {
      "test-message": { recipientName: "A", requestedBy: "B", sentAt: lockedAt, channel: "dev-inbox" },
      "account-locked": {
        name: "A",
        accountEmail: "a@example.com",
        lockedAt,
        unlockAt,
        ipAddress: "127.0.0.1",
        failedAttempts: 5,
        signInUrl: "http://localhost:3000/crm/login",
      },
      "staff-welcome": {
        name: "A",
        accountEmail: "a@example.com",
        invitedBy: "B",
        signInUrl: "http://localhost:3000/crm/login",
      },
      "staff-invitation": {
        name: "A",
        accountEmail: "a@example.com",
        by: "B",
        url: "http://localhost:3000/crm/set-password/x.y",
        expiresAt: unlockAt,
      },
      "staff-password-reset": {
        name: "A",
        accountEmail: "a@example.com",
        by: "B",
        url: "http://localhost:3000/crm/set-password/x.y",
        expiresAt: unlockAt,
      },
      "member-activation": {
        nickname: "A",
        accountEmail: "a@example.com",
        activationUrl: "http://localhost:3000/activate?token=x",
        expiresAt: unlockAt,
        resendUrl: "http://localhost:3000/activate/resend",
      },
      "member-already-registered": {
        accountEmail: "a@example.com",
        pending: false,
        attemptedAt: lockedAt,
        signInUrl: "http://localhost:3000/login",
        resetUrl: "http://localhost:3000/forgot-password",
        resendUrl: "http://localhost:3000/activate/resend",
      },
      "member-password-reset": {
        nickname: "A",
        accountEmail: "a@example.com",
        resetUrl: "http://localhost:3000/reset-password?token=x",
        expiresAt: unlockAt,
        requestedAt: lockedAt,
        ipAddress: "127.0.0.1",
      },
      "member-email-change": {
        nickname: "A",
        newEmail: "new@example.com",
        confirmUrl: "http://localhost:3000/account/email/confirm?token=x",
        expiresAt: unlockAt,
      },
      "member-email-changed": {
        nickname: "A",
        oldEmail: "old@example.com",
        newEmail: "new@example.com",
        changedAt: lockedAt,
        helpUrl: "http://localhost:3000/account/messages/new",
      },
      "service-contract-expiring": {
        ownerName: "A",
        contractNumber: "SCON000000000001",
        contractName: "B",
        companyName: "C",
        endDate: "2026-12-31",
        daysLeft: 7,
        contractUrl: "http://localhost:3000/crm/service-contracts/1",
      },
      "lead-assigned": {
        ownerName: "A",
        leadNumber: "LEAD000000000001",
        who: "B",
        routedBy: "token-group",
        submittedAt: lockedAt,
        leadUrl: "http://localhost:3000/crm/leads/1",
      },
      "service-request-new": {
        staffName: "A",
        requestNumber: "SREQ000000000001",
        subject: "B",
        kind: "fault",
        companyName: "C",
        channel: "zone",
        dueAt: lockedAt,
        requestUrl: "http://localhost:3000/crm/service/1",
      },
      "service-request-reply": {
        recipientName: "A",
        direction: "to-member",
        event: "reply",
        requestNumber: "SREQ000000000001",
        subject: "B",
        authorName: "C",
        status: "waiting_customer",
        requestUrl: "http://localhost:3000/zone/requests/1",
      },
      "member-new-message": {
        nickname: "A",
        staffName: "B",
        subject: "C",
        excerpt: "D",
        threadUrl: "http://localhost:3000/account/messages/1",
      },
      "lead-received": {
        name: "A",
        leadNumber: "LEAD000000000042",
        formName: "在线需求",
        submittedAt: "2026年12月7日 10:00 (GMT+8)",
        siteUrl: "http://localhost:3000/",
      },
      "forum-notification": {
        nickname: "小王",
        settingsUrl: "http://localhost:3000/account/forum",
        unsubscribeUrl: "http://localhost:3000/forum/unsubscribe/1.x",
        item: {
          kind: "reply",
          author: "A",
          threadTitle: "B",
          classroom: "C",
          excerpt: "D",
          url: "http://localhost:3000/forum/t/1",
        },
      },
      "forum-digest": {
        nickname: "小王",
        settingsUrl: "http://localhost:3000/account/forum",
        unsubscribeUrl: "http://localhost:3000/forum/unsubscribe/1.x",
        day: "2026年12月7日",
        items: [
          {
            kind: "mention",
            author: "A",
            threadTitle: "B",
            classroom: "C",
            excerpt: "",
            url: "http://localhost:3000/forum/t/1",
          },
        ],
        more: 2,
      },
      "approval-reminder": {
        name: "A",
        itemTitle: "B",
        authorName: "C",
        submittedAt: "2026年12月7日 10:00 (GMT+8)",
        queueUrl: "http://localhost:3000/crm/approvals#request-1",
      },
      "contract-payment-due": {
        name: "A",
        kind: "overdue",
        contractTitle: "CTRT202612070001 空压机配套",
        companyName: "B",
        instalment: "预付款",
        dueDate: "2026-12-07",
        outstanding: "¥12,800.00",
        contractUrl: "http://localhost:3000/crm/contracts/1/plan",
      },
      "quote-sent": {
        name: "A",
        quoteTitle: "平衡机报价",
        number: "QUOT202612070001",
        total: "¥71,970.00",
        validUntil: "2027-01-05",
        senderName: "B",
        quoteUrl: "http://localhost:3000/zone/quotes/1",
      },
    } as const;
    expect(Object.keys(samples).sort()).toEqual([...TEMPLATE_NAMES].sort());
    for (const name of TEMPLATE_NAMES) {
      for (const locale of LOCALES) {
        const mail = await renderEmail(name, samples[name], locale);
        expect(mail.subject.length).toBeGreaterThan(0);
        expect(mail.html.startsWith("<!DOCTYPE html")).toBe(true);
        expect(mail.text).not.toMatch(/<[a-z]/i);
        expect(mail.text).toContain("接力 CRM");
      }
    }
  });
});
