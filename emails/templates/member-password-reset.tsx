import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Paragraph } from "./action-email.tsx";

// "Forgot password" on the portal: a single-use, short-lived link to set a new password. Names the
// time and source address so the owner can tell a request of their own from someone else's.

export const MemberPasswordResetPropsSchema = z.object({
  nickname: z.string().min(1).max(40),
  accountEmail: z.email().max(320),
  resetUrl: z.url(),
  expiresAt: z.date(),
  requestedAt: z.date(),
  ipAddress: z.string().min(1).max(64),
});

const strings = {
  "zh-CN": {
    subject: "重设您的接力 CRM 会员密码",
    preview: "点击邮件中的链接设置新密码，链接 1 小时内有效。",
    heading: "重设会员密码",
    body: "我们收到了为您的会员账户重设密码的请求。请点击下面的按钮设置新密码。设置完成后，所有已登录的设备都会退出登录。",
    account: "会员邮箱",
    requestedAt: "请求时间",
    ipAddress: "来源 IP 地址",
    expires: "链接有效期至",
    reset: "设置新密码",
    notYou: "如果不是您本人操作，请忽略这封邮件，您的密码不会改变。",
    reason: "有人在接力 CRM 客户门户的“忘记密码”页面输入了您的邮箱地址。",
  },
  en: {
    subject: "Reset your Relay CRM member password",
    preview: "Follow the link in this e-mail to set a new password. It is valid for one hour.",
    heading: "Reset your password",
    body: "We received a request to reset the password of your member account. Set a new password with the button below. Once it is set, every device signed in to your account is signed out.",
    account: "Member e-mail",
    requestedAt: "Requested at",
    ipAddress: "From IP address",
    expires: "Link valid until",
    reset: "Set a new password",
    notYou: "If this was not you, ignore this e-mail; your password stays as it is.",
    reason: 'someone entered your e-mail address on the "Forgot password" page of the Relay CRM customer portal.',
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const memberPasswordResetTemplate = actionTemplate(
  MemberPasswordResetPropsSchema,
  strings,
  (props, s, locale) => ({
    name: props.nickname,
    facts: [
      [s.account, props.accountEmail],
      [s.requestedAt, formatDateTime(props.requestedAt, locale)],
      [s.ipAddress, props.ipAddress],
      [s.expires, formatDateTime(props.expiresAt, locale)],
    ],
    action: { href: props.resetUrl, label: s.reset },
    linkFallback: true,
    children: <Paragraph>{s.notYou}</Paragraph>,
  }),
);
