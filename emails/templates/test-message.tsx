import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { EmailOpening } from "./action-email.tsx";
import { EmailLayout, FactTable, styles } from "./email-layout.tsx";

// Sent from the dev inbox ("send a test mail to me") so an administrator can check the mail channel.

export const TestMessagePropsSchema = z.object({
  recipientName: z.string().min(1).max(100),
  requestedBy: z.string().min(1).max(100),
  sentAt: z.date(),
  /** Where the app was delivering mail when the test was queued: the dev inbox or Resend. */
  channel: z.enum(["dev-inbox", "resend"]),
});
export type TestMessageProps = z.infer<typeof TestMessagePropsSchema>;

const strings = {
  "zh-CN": {
    subject: "接力 CRM 测试邮件",
    preview: "如果你看到这封邮件，说明邮件通道工作正常。",
    heading: "测试邮件",
    greeting: (name: string) => `${name}，你好：`,
    body: "这是一封测试邮件。如果你读到了它，说明接力 CRM 的邮件通道工作正常。",
    requestedBy: "发送人",
    sentAt: "发送时间",
    channel: "发送通道",
    channels: { "dev-inbox": "开发邮箱（未真正发出）", resend: "Resend" },
    noAction: "你无需做任何操作。",
    reason: "你在接力 CRM 后台的开发邮箱中点击了“给我发一封测试邮件”。",
  },
  en: {
    subject: "Relay CRM test message",
    preview: "If you can read this, e-mail delivery works.",
    heading: "Test message",
    greeting: (name: string) => `Hello ${name},`,
    body: "This is a test message. If you can read it, Relay CRM's e-mail channel works.",
    requestedBy: "Sent by",
    sentAt: "Sent at",
    channel: "Channel",
    channels: { "dev-inbox": "Dev mailbox (not actually sent)", resend: "Resend" },
    noAction: "No action is needed.",
    reason: "you clicked “Send me a test e-mail” in the dev mailbox of the Relay CRM back office.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function testMessageSubject(props: TestMessageProps & { locale: Locale }): string {
  return strings[props.locale].subject;
}

export function TestMessageEmail(props: TestMessageProps & { locale: Locale }) {
  const s = strings[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={s.preview} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.recipientName)} />
      <Text style={styles.paragraph}>{s.body}</Text>
      <FactTable
        rows={[
          [s.requestedBy, props.requestedBy],
          [s.sentAt, formatDateTime(props.sentAt, props.locale)],
          [s.channel, s.channels[props.channel]],
        ]}
      />
      <Text style={styles.muted}>{s.noAction}</Text>
    </EmailLayout>
  );
}
