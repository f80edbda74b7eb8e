import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Note } from "./action-email.tsx";

// Sent to the NEW address when a member asks to change their e-mail: the change happens only when
// someone who can read this mailbox opens the link, so a typo or a stranger's address changes nothing.

export const MemberEmailChangePropsSchema = z.object({
  nickname: z.string().min(1).max(40),
  newEmail: z.email().max(320),
  confirmUrl: z.url(),
  expiresAt: z.date(),
});

const strings = {
  "zh-CN": {
    subject: "请确认您的新邮箱地址",
    preview: "确认后，这个地址将成为您的会员登录邮箱。",
    heading: "确认新的登录邮箱",
    body: "您在接力 CRM 会员中心申请把登录邮箱改为这个地址。请点击下面的按钮确认，确认后请用新邮箱登录。",
    newEmail: "新邮箱",
    expires: "链接有效期至",
    confirm: "确认更换邮箱",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器（需要先登录会员账户）：",
    single: "链接只能使用一次。如果不是您本人申请，请忽略这封邮件，您的邮箱不会被更改。",
    reason: "有人在接力 CRM 会员中心把这个地址填写为新的登录邮箱。",
  },
  en: {
    subject: "Please confirm your new e-mail address",
    preview: "Once confirmed, this address becomes your member sign-in e-mail.",
    heading: "Confirm your new sign-in e-mail",
    body: "You asked to change the sign-in e-mail of your Relay CRM member account to this address. Confirm with the button below, then sign in with the new address.",
    newEmail: "New e-mail",
    expires: "Link valid until",
    confirm: "Confirm the new e-mail",
    linkFallback:
      "If the button does not work, copy this link into your browser (sign in to your member account first):",
    single: "The link works once. If you did not ask for this, ignore this e-mail and nothing will change.",
    reason: "someone entered this address as the new sign-in e-mail of a Relay CRM member account.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const memberEmailChangeTemplate = actionTemplate(MemberEmailChangePropsSchema, strings, (props, s, locale) => ({
  name: props.nickname,
  facts: [
    [s.newEmail, props.newEmail],
    [s.expires, formatDateTime(props.expiresAt, locale)],
  ],
  action: { href: props.confirmUrl, label: s.confirm },
  linkFallback: s.linkFallback,
  children: <Note text={s.single} />,
}));
