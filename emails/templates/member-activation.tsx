import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { actionTemplate, Note } from "./action-email.tsx";

// Sent after a portal registration (and on "resend activation mail"): the single-use link that
// activates the member account. The account cannot sign in before it is followed.

export const MemberActivationPropsSchema = z.object({
  nickname: z.string().min(1).max(40),
  accountEmail: z.email().max(320),
  activationUrl: z.url(),
  expiresAt: z.date(),
  resendUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "请激活您的接力 CRM 会员账户",
    preview: "点击邮件中的链接激活会员账户，激活后即可登录。",
    heading: "激活您的会员账户",
    body: "感谢注册接力 CRM 客户门户。请点击下面的按钮激活您的会员账户，激活后即可使用注册邮箱和密码登录。",
    account: "注册邮箱",
    expires: "链接有效期至",
    activate: "激活会员账户",
    singleUse: "该链接只能使用一次。链接过期或失效后，可以在这里重新获取激活邮件：",
    reason:
      "有人使用您的邮箱地址注册了接力 CRM 客户门户的会员账户。如果不是您本人操作，请忽略这封邮件，账户不会被激活。",
  },
  en: {
    subject: "Activate your Relay CRM member account",
    preview: "Follow the link in this e-mail to activate your member account, then sign in.",
    heading: "Activate your member account",
    body: "Thank you for registering on the Relay CRM customer portal. Activate your member account with the button below; after that you can sign in with your e-mail address and password.",
    account: "Registered e-mail",
    expires: "Link valid until",
    activate: "Activate my account",
    singleUse: "The link works once. If it has expired or stopped working, request a new activation e-mail here:",
    reason:
      "someone registered a member account on the Relay CRM customer portal with your e-mail address. If it was not you, ignore this e-mail: the account will not be activated.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export const memberActivationTemplate = actionTemplate(MemberActivationPropsSchema, strings, (props, s, locale) => ({
  name: props.nickname,
  facts: [
    [s.account, props.accountEmail],
    [s.expires, formatDateTime(props.expiresAt, locale)],
  ],
  action: { href: props.activationUrl, label: s.activate },
  linkFallback: true,
  children: <Note text={s.singleUse} href={props.resendUrl} />,
}));
