import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Paragraph } from "./action-email.tsx";

// Security notice: sign-in to an account was locked after repeated wrong passwords. It names the
// time and source address so the owner can tell their own mistakes from someone guessing.

export const AccountLockedPropsSchema = z.object({
  name: z.string().min(1).max(100),
  accountEmail: z.email().max(320),
  lockedAt: z.date(),
  unlockAt: z.date(),
  ipAddress: z.string().min(1).max(64),
  failedAttempts: z.number().int().positive(),
  signInUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "安全提醒：你的接力 CRM 账号已被暂时锁定",
    preview: "多次密码错误后，你的账号登录已被暂时锁定。",
    heading: "账号登录已被暂时锁定",
    failures: (attempts: number) =>
      `你的接力 CRM 账号连续 ${attempts} 次登录失败（密码错误），为保护账号安全，系统已暂时锁定该账号的登录。`,
    account: "账号",
    lockedAt: "锁定时间",
    ipAddress: "来源 IP 地址",
    unlockAt: "自动解锁时间",
    ifYou: "如果是你本人操作：",
    ifYouBody: "请在自动解锁后重新登录。如果忘记了密码，请联系系统管理员为你重置。",
    ifNotYou: "如果不是你本人操作：",
    ifNotYouBody: "可能有人在尝试猜测你的密码。请在解锁后尽快登录并修改密码，并把上面的时间和 IP 地址告诉系统管理员。",
    signIn: "前往登录",
    reason: "有人多次使用你的邮箱地址登录接力 CRM 失败，我们会把这类安全事件通知账号本人。",
  },
  en: {
    subject: "Security notice: your Relay CRM account is temporarily locked",
    preview: "Sign-in to your account was locked after repeated wrong passwords.",
    heading: "Sign-in temporarily locked",
    failures: (attempts: number) =>
      `There were ${attempts} failed sign-in attempts (wrong password) on your Relay CRM account, so sign-in to it has been locked for a while to protect it.`,
    account: "Account",
    lockedAt: "Locked at",
    ipAddress: "From IP address",
    unlockAt: "Unlocks at",
    ifYou: "If this was you: ",
    ifYouBody:
      "sign in again once the lock has lifted. If you have forgotten your password, ask your system administrator to reset it.",
    ifNotYou: "If this was not you: ",
    ifNotYouBody:
      "someone may be trying to guess your password. Sign in and change your password as soon as the lock lifts, and tell your system administrator the time and IP address above.",
    signIn: "Go to sign-in",
    reason:
      "someone repeatedly failed to sign in to Relay CRM with your e-mail address, and we tell account owners about such security events.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const accountLockedTemplate = actionTemplate(AccountLockedPropsSchema, strings, (props, s, locale) => ({
  text: { body: s.failures(props.failedAttempts) },
  name: props.name,
  informal: true,
  facts: [
    [s.account, props.accountEmail],
    [s.lockedAt, formatDateTime(props.lockedAt, locale)],
    [s.ipAddress, props.ipAddress],
    [s.unlockAt, formatDateTime(props.unlockAt, locale)],
  ],
  lead: (
    <Paragraph>
      <strong>{s.ifYou}</strong>
      {s.ifYouBody}
    </Paragraph>
  ),
  warning: { title: s.ifNotYou, body: s.ifNotYouBody },
  action: { href: props.signInUrl, label: s.signIn },
}));
