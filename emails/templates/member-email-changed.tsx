import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate } from "./action-email.tsx";

// Security notice to the OLD address after a member's sign-in e-mail changed. If the owner did not do
// it, this is the one message that still reaches them, so it says what happened and what to do.

export const MemberEmailChangedPropsSchema = z.object({
  nickname: z.string().min(1).max(40),
  oldEmail: z.email().max(320),
  newEmail: z.email().max(320),
  changedAt: z.date(),
  helpUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "安全提醒：您的会员登录邮箱已更改",
    preview: "您的接力 CRM 会员账户已改用新的登录邮箱。",
    heading: "会员登录邮箱已更改",
    body: "您的接力 CRM 会员账户的登录邮箱已经更改。今后请使用新邮箱登录，这个地址不再接收账户通知。",
    oldEmail: "原邮箱",
    newEmail: "新邮箱",
    changedAt: "更改时间",
    notYou: "如果不是您本人操作：",
    notYouBody: "您的账户可能已被他人使用。请立即联系我们的客服，并说明上面的更改时间，我们会核实并帮您找回账户。",
    portal: "前往会员登录",
    reason: "这是您的接力 CRM 会员账户原来的登录邮箱，账户的重要变更会通知这里。",
  },
  en: {
    subject: "Security notice: your member sign-in e-mail was changed",
    preview: "Your Relay CRM member account now signs in with a new e-mail address.",
    heading: "Member sign-in e-mail changed",
    body: "The sign-in e-mail of your Relay CRM member account has been changed. Sign in with the new address from now on; this address no longer receives account notices.",
    oldEmail: "Previous e-mail",
    newEmail: "New e-mail",
    changedAt: "Changed at",
    notYou: "If this was not you: ",
    notYouBody:
      "someone else may be using your account. Contact our customer service at once, quoting the time above, and we will verify and help you recover the account.",
    portal: "Go to member sign-in",
    reason:
      "this was the sign-in e-mail of your Relay CRM member account, and we tell it about important account changes.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const memberEmailChangedTemplate = actionTemplate(
  MemberEmailChangedPropsSchema,
  strings,
  (props, s, locale) => ({
    name: props.nickname,
    facts: [
      [s.oldEmail, props.oldEmail],
      [s.newEmail, props.newEmail],
      [s.changedAt, formatDateTime(props.changedAt, locale)],
    ],
    warning: { title: s.notYou, body: s.notYouBody },
    action: { href: props.helpUrl, label: s.portal },
  }),
);
