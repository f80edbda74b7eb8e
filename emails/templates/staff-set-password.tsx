import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Paragraph } from "./action-email.tsx";

// Staff invitation and password reset (issue #16): a single-use, expiring link to set a password.
// The administrator never learns or sends a password; the link is the only way in.

export const StaffSetPasswordPropsSchema = z.object({
  name: z.string().min(1).max(100),
  accountEmail: z.email().max(320),
  /** The administrator who sent it. */
  by: z.string().min(1).max(100),
  url: z.url(),
  expiresAt: z.date(),
  /** Role names shown to a newcomer; may be empty. */
  roles: z.array(z.string().min(1).max(100)).max(20).default([]),
});

const invitationStrings = {
  "zh-CN": {
    subject: "邀请你加入接力 CRM：请设置登录密码",
    preview: "点击邮件中的链接设置密码，开通你的接力 CRM 员工账号。",
    heading: "欢迎加入接力 CRM",
    intro: (by: string) => `${by} 邀请你使用接力 CRM 后台。请点击下面的按钮设置登录密码，之后即可用本邮箱登录。`,
    account: "登录账号",
    roles: "角色",
    noRoles: "（暂未分配，请联系管理员）",
    expires: "链接有效期至",
    action: "设置密码",
    once: "链接只能使用一次。过期后请联系管理员重新发送邀请。",
    why: (by: string) => `${by} 使用你的邮箱地址在接力 CRM 中创建了员工账号。如果你不认识此人，请忽略这封邮件。`,
  },
  en: {
    subject: "You are invited to Relay CRM: set your password",
    preview: "Follow the link in this e-mail to set a password and open your Relay CRM staff account.",
    heading: "Welcome to Relay CRM",
    intro: (by: string) =>
      `${by} invited you to the Relay CRM back office. Set your password with the button below, then sign in with this e-mail address.`,
    account: "Sign-in e-mail",
    roles: "Roles",
    noRoles: "(none yet; ask your administrator)",
    expires: "Link valid until",
    action: "Set password",
    once: "The link works once. When it has expired, ask your administrator to send the invitation again.",
    why: (by: string) =>
      `${by} created a Relay CRM staff account with your e-mail address. If you do not know them, ignore this e-mail.`,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const staffInvitationTemplate = actionTemplate(
  StaffSetPasswordPropsSchema,
  invitationStrings,
  (props, s, locale) => {
    const roles = props.roles ?? [];
    return {
      text: { reason: s.why(props.by), body: s.intro(props.by) },
      name: props.name,
      informal: true,
      facts: [
        [s.account, props.accountEmail],
        [s.roles, roles.length > 0 ? roles.join(locale === "en" ? ", " : "、") : s.noRoles],
        [s.expires, formatDateTime(props.expiresAt, locale)],
      ],
      action: { href: props.url, label: s.action },
      linkFallback: true,
      children: <Paragraph>{s.once}</Paragraph>,
    };
  },
);

const resetStrings = {
  "zh-CN": {
    subject: "重设你的接力 CRM 员工密码",
    preview: "管理员为你的账号发起了密码重设，点击链接设置新密码。",
    heading: "重设员工密码",
    body: "管理员为你的接力 CRM 员工账号发起了密码重设。请点击下面的按钮设置新密码；设置后，所有已登录的设备都会退出登录。",
    account: "登录账号",
    by: "发起人",
    expires: "链接有效期至",
    action: "设置新密码",
    notYou: "如果你没有提出重设，请联系管理员；在你使用链接之前，原密码仍然有效。",
    reason: "接力 CRM 的管理员为你的员工账号发送了密码重设链接。",
  },
  en: {
    subject: "Reset your Relay CRM staff password",
    preview: "An administrator started a password reset for your account. Follow the link to set a new one.",
    heading: "Reset your staff password",
    body: "An administrator started a password reset for your Relay CRM staff account. Set a new password with the button below; every device signed in to your account is then signed out.",
    account: "Sign-in e-mail",
    by: "Requested by",
    expires: "Link valid until",
    action: "Set a new password",
    notYou:
      "If you did not ask for this, tell your administrator; your old password keeps working until the link is used.",
    reason: "a Relay CRM administrator sent a password reset link for your staff account.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const staffPasswordResetTemplate = actionTemplate(
  StaffSetPasswordPropsSchema,
  resetStrings,
  (props, s, locale) => ({
    name: props.name,
    informal: true,
    facts: [
      [s.account, props.accountEmail],
      [s.by, props.by],
      [s.expires, formatDateTime(props.expiresAt, locale)],
    ],
    action: { href: props.url, label: s.action },
    linkFallback: true,
    children: <Paragraph>{s.notYou}</Paragraph>,
  }),
);
