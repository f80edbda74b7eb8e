import { Section, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { ActionButton, EmailOpening, Note } from "./action-email.tsx";
import { colors, EmailLayout, styles } from "./email-layout.tsx";

// Sent to a member when staff answer one of their site messages (站内短消息), if the member wants
// e-mail notifications. It quotes only a short excerpt: the conversation itself stays on the site,
// behind the member's sign-in, so a forwarded or leaked mailbox does not carry it.

export const MemberNewMessagePropsSchema = z.object({
  nickname: z.string().min(1).max(40),
  staffName: z.string().min(1).max(100),
  subject: z.string().min(1).max(200),
  /** A short, already shortened excerpt of the reply. */
  excerpt: z.string().max(400),
  threadUrl: z.url(),
});
export type MemberNewMessageProps = z.infer<typeof MemberNewMessagePropsSchema>;

const strings = {
  "zh-CN": {
    subject: (subject: string) => `客服回复了您的站内消息：${subject}`,
    preview: (staff: string) => `客服 ${staff} 回复了您的站内消息，登录后查看完整内容。`,
    heading: "您有一条新的站内消息",
    greeting: (nickname: string) => `${nickname}，您好：`,
    body: (staff: string, subject: string) => `客服 ${staff} 回复了您的站内消息“${subject}”：`,
    open: "查看并回复",
    privacy: "为保护您的隐私，邮件中只显示消息的开头部分。登录门户后可以查看完整对话并继续回复。",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器：",
    reason: "您在会员账户中开启了邮件通知。如不想再收到此类邮件，可在账户资料中关闭“邮件通知”。",
  },
  en: {
    subject: (subject: string) => `Customer service replied to your message: ${subject}`,
    preview: (staff: string) => `${staff} from customer service replied to your message. Sign in to read it in full.`,
    heading: "You have a new site message",
    greeting: (nickname: string) => `Hello ${nickname},`,
    body: (staff: string, subject: string) => `${staff} from customer service replied to your message "${subject}":`,
    open: "Read and reply",
    privacy:
      "To protect your privacy this e-mail shows only the beginning of the message. Sign in to the portal to read the whole conversation and reply.",
    linkFallback: "If the button does not work, copy this link into your browser:",
    reason:
      "you turned on e-mail notifications in your member account. You can turn them off in your profile at any time.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function memberNewMessageSubject(props: MemberNewMessageProps & { locale: Locale }): string {
  return strings[props.locale].subject(props.subject);
}

export function MemberNewMessageEmail(props: MemberNewMessageProps & { locale: Locale }) {
  const s = strings[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={s.preview(props.staffName)} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.nickname)} />
      <Text style={styles.paragraph}>{s.body(props.staffName, props.subject)}</Text>
      {props.excerpt ? (
        <Section
          style={{
            borderLeft: `3px solid ${colors.brand}`,
            backgroundColor: colors.page,
            padding: "2px 14px",
            margin: "0 0 18px",
          }}
        >
          <Text style={{ ...styles.paragraph, color: colors.muted, margin: "10px 0" }}>{props.excerpt}</Text>
        </Section>
      ) : null}
      <ActionButton href={props.threadUrl} label={s.open} />
      <Note text={s.privacy} />
      <Note text={s.linkFallback} href={props.threadUrl} />
    </EmailLayout>
  );
}
