import { Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { ActionButton, EmailOpening, Note } from "./action-email.tsx";
import { colors, EmailLayout, styles } from "./email-layout.tsx";
import { defineTemplate } from "./define-template.ts";

// Forum notifications by e-mail (decision 042): one message per event for members who chose
// "immediately", and the daily digest (捆扎 E-mail, seed 000 §2.C) that bundles the day's forum
// notifications into one. Each carries the one-click unsubscribe link (also sent as the RFC 8058
// List-Unsubscribe header) and a link to the preferences in 我的账户. Only short plain-text excerpts of
// posts the member may see at the time of writing; customers are addressed as 您.

const KindSchema = z.enum(["reply", "thread", "mention"]);

const ItemSchema = z.object({
  kind: KindSchema,
  author: z.string().min(1).max(100),
  threadTitle: z.string().min(1).max(200),
  classroom: z.string().min(1).max(60),
  excerpt: z.string().max(400),
  url: z.url(),
});
export type ForumMailItem = z.infer<typeof ItemSchema>;

const FooterSchema = z.object({
  nickname: z.string().min(1).max(40),
  settingsUrl: z.url(),
  unsubscribeUrl: z.url(),
});

export const ForumNotificationPropsSchema = FooterSchema.extend({ item: ItemSchema });
export const ForumDigestPropsSchema = FooterSchema.extend({
  /** The day bundled, already formatted for the reader (e.g. 2026年12月7日). */
  day: z.string().min(1).max(40),
  items: z.array(ItemSchema).min(1).max(100).readonly(),
  /** Entries left out of a very busy day (shown as "and N more"). */
  more: z.number().int().min(0),
});
type NotificationProps = z.infer<typeof ForumNotificationPropsSchema> & { locale: Locale };
type DigestProps = z.infer<typeof ForumDigestPropsSchema> & { locale: Locale };

const strings = {
  "zh-CN": {
    event: {
      reply: (a: string, t: string) => `${a} 回复了您关注的问题「${t}」`,
      thread: (a: string, t: string) => `${a} 在您关注的教室发布了新问题「${t}」`,
      mention: (a: string, t: string) => `${a} 在「${t}」中提到了您`,
    },
    greeting: (n: string) => `${n}，您好：`,
    heading: "培训教室有新动态",
    digestSubject: (day: string, count: number) => `培训教室每日摘要（${day}）：${count} 条新动态`,
    digestHeading: (day: string) => `${day} 的论坛摘要`,
    digestIntro: (count: number) => `以下是您关注的内容在这一天的 ${count} 条新动态：`,
    more: (n: number) => `另有 ${n} 条动态，请登录培训教室查看。`,
    open: "查看",
    in: "教室",
    settings: "管理通知方式",
    unsubscribe: "退订论坛邮件",
    reason:
      "您在培训教室关注了问题或教室、被他人提到，并选择了接收邮件提醒。点击“退订论坛邮件”即可立即停止接收，无需登录。",
  },
  en: {
    event: {
      reply: (a: string, t: string) => `${a} replied in "${t}", a question you follow`,
      thread: (a: string, t: string) => `${a} asked "${t}" in a classroom you follow`,
      mention: (a: string, t: string) => `${a} mentioned you in "${t}"`,
    },
    greeting: (n: string) => `Hello ${n},`,
    heading: "News from the training classroom",
    digestSubject: (day: string, count: number) => `Training classroom daily digest (${day}): ${count} new`,
    digestHeading: (day: string) => `Forum digest for ${day}`,
    digestIntro: (count: number) => `Here are the ${count} new posts in what you follow that day:`,
    more: (n: number) => `${n} more — sign in to the training classroom to read them.`,
    open: "Open",
    in: "Classroom",
    settings: "Notification settings",
    unsubscribe: "Unsubscribe from forum e-mail",
    reason:
      "you follow questions or classrooms in the training classroom, or were mentioned, and chose to get e-mail. Use “Unsubscribe from forum e-mail” to stop at once, no sign-in needed.",
  },
};

type Strings = (typeof strings)["zh-CN"];

function eventLine(s: Strings, item: ForumMailItem): string {
  return s.event[item.kind](item.author, item.threadTitle);
}

function Excerpt({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Section
      style={{
        borderLeft: `3px solid ${colors.brand}`,
        backgroundColor: colors.page,
        padding: "2px 14px",
        margin: "0 0 14px",
      }}
    >
      <Text style={{ ...styles.paragraph, color: colors.muted, margin: "10px 0" }}>{text}</Text>
    </Section>
  );
}

function Footer({ s, settingsUrl, unsubscribeUrl }: { s: Strings; settingsUrl: string; unsubscribeUrl: string }) {
  return (
    <Text style={styles.muted}>
      <Link href={settingsUrl} style={{ color: colors.brand }}>
        {s.settings}
      </Link>
      {" · "}
      <Link href={unsubscribeUrl} style={{ color: colors.brand }}>
        {s.unsubscribe}
      </Link>
    </Text>
  );
}

function ForumNotificationEmail(props: NotificationProps) {
  const s = strings[props.locale];
  const line = eventLine(s, props.item);
  return (
    <EmailLayout locale={props.locale} preview={line} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.nickname)} />
      <Text style={styles.paragraph}>{line}</Text>
      <Excerpt text={props.item.excerpt} />
      <ActionButton href={props.item.url} label={s.open} />
      <Note text={`${s.in}：${props.item.classroom}`} />
      <Footer s={s} settingsUrl={props.settingsUrl} unsubscribeUrl={props.unsubscribeUrl} />
    </EmailLayout>
  );
}

function ForumDigestEmail(props: DigestProps) {
  const s = strings[props.locale];
  const count = props.items.length + props.more;
  return (
    <EmailLayout locale={props.locale} preview={s.digestIntro(count)} reason={s.reason}>
      <EmailOpening heading={s.digestHeading(props.day)} greeting={s.greeting(props.nickname)} />
      <Text style={styles.paragraph}>{s.digestIntro(count)}</Text>
      {props.items.map((item, index) => (
        <Section key={index} style={{ borderTop: `1px solid ${colors.border}`, padding: "10px 0 0" }}>
          <Text style={{ ...styles.paragraph, margin: "0 0 6px" }}>
            <Link href={item.url} style={{ color: colors.brand }}>
              {eventLine(s, item)}
            </Link>
          </Text>
          <Text style={styles.muted}>{`${s.in}：${item.classroom}`}</Text>
          <Excerpt text={item.excerpt} />
        </Section>
      ))}
      {props.more > 0 ? <Text style={styles.muted}>{s.more(props.more)}</Text> : null}
      <Footer s={s} settingsUrl={props.settingsUrl} unsubscribeUrl={props.unsubscribeUrl} />
    </EmailLayout>
  );
}

export const forumNotificationTemplate = defineTemplate({
  schema: ForumNotificationPropsSchema,
  Component: ForumNotificationEmail,
  subject: (props) => eventLine(strings[props.locale], props.item).slice(0, 200),
});

export const forumDigestTemplate = defineTemplate({
  schema: ForumDigestPropsSchema,
  Component: ForumDigestEmail,
  subject: (props) => strings[props.locale].digestSubject(props.day, props.items.length + props.more),
});
