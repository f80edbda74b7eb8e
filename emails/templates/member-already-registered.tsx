import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Note, Paragraph } from "./action-email.tsx";

// Sent instead of an activation mail when someone registers with an address that already has a
// member account. The registration page answers exactly as for a new address (no enumeration); the
// owner learns about the attempt here and gets the ways back into the account.

export const MemberAlreadyRegisteredPropsSchema = z.object({
  accountEmail: z.email().max(320),
  /** The account was never activated: point to a fresh activation mail rather than sign-in. */
  pending: z.boolean(),
  attemptedAt: z.date(),
  signInUrl: z.url(),
  resetUrl: z.url(),
  resendUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "有人尝试用您的邮箱注册接力 CRM 会员",
    preview: "您的邮箱已经注册过会员账户，无需重复注册。",
    heading: "您的邮箱已经注册过会员",
    body: "有人刚刚在接力 CRM 客户门户上使用您的邮箱地址注册会员。这个邮箱已经有一个会员账户，因此没有创建新账户。",
    account: "邮箱",
    attemptedAt: "尝试时间",
    activeHint: "如果是您本人操作，可以直接登录；忘记密码的话，可以重设密码。",
    pendingHint: "您的账户还没有激活。如果是您本人操作，请重新获取激活邮件，激活后即可登录。",
    signIn: "登录",
    reset: "重设密码",
    resend: "重新发送激活邮件",
    orLink: "或复制以下链接到浏览器：",
    notYou: "如果不是您本人操作，请忽略这封邮件，您的账户不受影响。",
    reason: "有人使用您的邮箱地址在接力 CRM 客户门户提交了会员注册。",
  },
  en: {
    subject: "Someone tried to register a Relay CRM member account with your e-mail",
    preview: "Your e-mail address already has a member account; there is no need to register again.",
    heading: "Your e-mail address already has an account",
    body: "Someone just tried to register a member account on the Relay CRM customer portal with your e-mail address. That address already has an account, so no new one was created.",
    account: "E-mail",
    attemptedAt: "Attempted at",
    activeHint: "If this was you, simply sign in. If you have forgotten your password, you can reset it.",
    pendingHint:
      "Your account has not been activated yet. If this was you, request a new activation e-mail; once activated you can sign in.",
    signIn: "Sign in",
    reset: "Reset password",
    resend: "Resend activation e-mail",
    orLink: "Or copy this link into your browser:",
    notYou: "If this was not you, ignore this e-mail; your account is not affected.",
    reason: "someone submitted a member registration on the Relay CRM customer portal with your e-mail address.",
  },
} satisfies Record<Locale, Record<string, string>>;

export const memberAlreadyRegisteredTemplate = actionTemplate(
  MemberAlreadyRegisteredPropsSchema,
  strings,
  (props, s, locale) => ({
    facts: [
      [s.account, props.accountEmail],
      [s.attemptedAt, formatDateTime(props.attemptedAt, locale)],
    ],
    lead: <Paragraph>{props.pending ? s.pendingHint : s.activeHint}</Paragraph>,
    action: props.pending ? { href: props.resendUrl, label: s.resend } : { href: props.signInUrl, label: s.signIn },
    linkFallback: s.orLink,
    children: (
      <>
        {props.pending ? null : (
          <Note text={`${s.reset}${locale === "en" ? ": " : "："}`} href={props.resetUrl} inline />
        )}
        <Paragraph>{s.notYou}</Paragraph>
      </>
    ),
  }),
);
