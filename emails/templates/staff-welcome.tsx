import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { actionTemplate, Paragraph } from "./action-email.tsx";

// Sent when an administrator creates a staff account. It never carries a password: the initial
// password reaches the new colleague through the administrator, not through a mailbox.

export const StaffWelcomePropsSchema = z.object({
  name: z.string().min(1).max(100),
  accountEmail: z.email().max(320),
  invitedBy: z.string().min(1).max(100),
  signInUrl: z.url(),
  /** Role names shown to the newcomer, e.g. ["销售"]; may be empty. */
  roles: z.array(z.string().min(1).max(60)).max(20).default([]),
});

const strings = {
  "zh-CN": {
    subject: "欢迎加入接力 CRM：你的员工账号已开通",
    preview: "你的接力 CRM 员工账号已开通，点击登录开始使用。",
    heading: "欢迎加入接力 CRM",
    intro: (by: string) => `${by} 为你开通了接力 CRM 后台的员工账号。你可以在这里跟进线索、联系人、单位和机会。`,
    account: "登录账号",
    roles: "角色",
    noRoles: "（暂未分配，请联系管理员）",
    password: "请使用管理员单独告知你的初始密码登录。我们不会通过邮件发送密码。",
    signIn: "登录接力 CRM",
    why: (by: string) => `${by} 使用你的邮箱地址在接力 CRM 中创建了员工账号。如果你不认识此人，请忽略这封邮件。`,
  },
  en: {
    subject: "Welcome to Relay CRM: your staff account is ready",
    preview: "Your Relay CRM staff account is ready. Sign in to get started.",
    heading: "Welcome to Relay CRM",
    intro: (by: string) =>
      `${by} created a staff account for you in the Relay CRM back office, where you work on leads, contacts, companies and opportunities.`,
    account: "Sign-in e-mail",
    roles: "Roles",
    noRoles: "(none yet; ask your administrator)",
    password:
      "Sign in with the initial password your administrator gives you separately. We never send passwords by e-mail.",
    signIn: "Sign in to Relay CRM",
    why: (by: string) =>
      `${by} created a Relay CRM staff account with your e-mail address. If you do not know them, ignore this e-mail.`,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const staffWelcomeTemplate = actionTemplate(StaffWelcomePropsSchema, strings, (props, s, locale) => {
  const roles = props.roles ?? [];
  return {
    text: { reason: s.why(props.invitedBy), body: s.intro(props.invitedBy) },
    name: props.name,
    informal: true,
    facts: [
      [s.account, props.accountEmail],
      [s.roles, roles.length > 0 ? roles.join(locale === "en" ? ", " : "、") : s.noRoles],
    ],
    lead: <Paragraph>{s.password}</Paragraph>,
    action: { href: props.signInUrl, label: s.signIn },
    linkFallback: true,
  };
});
