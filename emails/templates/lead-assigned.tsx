import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { ActionButton, Callout, EmailOpening, LabelledBlock, PreLineText } from "./action-email.tsx";
import { EmailLayout, FactTable, styles } from "./email-layout.tsx";

// Sent to the owner a new lead was routed to (token turn, campaign owner, designated person or a
// colleague's hand entry). It carries enough to call the prospect back from the phone, and a link
// to the lead, where the routing history and possible existing contacts are shown.

export const LeadAssignedPropsSchema = z.object({
  ownerName: z.string().min(1).max(100),
  leadNumber: z.string().min(1).max(20),
  /** "联系人@单位" as the inbox shows it. */
  who: z.string().min(1).max(320),
  contactName: z.string().max(100).optional(),
  contactTitle: z.string().max(100).optional(),
  contactEmail: z.string().max(191).optional(),
  contactPhone: z.string().max(110).optional(),
  companyName: z.string().max(200).optional(),
  companyPlace: z.string().max(110).optional(),
  requirement: z.string().max(600).optional(),
  items: z
    .array(z.object({ sku: z.string().max(64), name: z.string().max(200).optional(), quantity: z.number().int() }))
    .max(50)
    .default([]),
  /** Registration category name, e.g. 在线需求; absent for staff entry. */
  categoryName: z.string().max(100).optional(),
  routedBy: z.enum(["token-group", "campaign-owner", "default-owner", "manual"]),
  submittedAt: z.date(),
  matchCount: z.number().int().min(0).default(0),
  leadUrl: z.url(),
});
type Parsed = z.output<typeof LeadAssignedPropsSchema> & { locale: Locale };

const strings = {
  "zh-CN": {
    subject: (who: string, number: string) => `新线索 ${number}：${who}`,
    preview: (who: string) => `一条新线索已分配给你：${who}`,
    heading: "你有一条新线索",
    greeting: (name: string) => `${name}，你好：`,
    body: {
      "token-group": "按令牌轮转规则，这条网站线索轮到由你负责。",
      "campaign-owner": "这条网站线索来自你负责的营销战役，已交由你负责。",
      "default-owner": "你是这个登记分类的指定人员，这条线索已交由你负责。",
      manual: "同事在后台录入了这条线索，并指定由你负责。",
    },
    number: "线索编号",
    category: "登记分类",
    submittedAt: "提交时间",
    contact: "联系人",
    email: "邮箱",
    phone: "电话",
    company: "单位",
    place: "地区",
    requirement: "需求",
    items: "产品",
    quantity: (n: number) => `× ${n}`,
    matches: (n: number) => `系统找到 ${n} 条可能已存在的联系人或单位，请在线索详情中核对，避免重复联系。`,
    open: "查看线索",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器：",
    reason: "你是这条线索的拥有人。请及时辨识并跟进，需要时可在后台移交或分发给其他业务员。",
  },
  en: {
    subject: (who: string, number: string) => `New lead ${number}: ${who}`,
    preview: (who: string) => `A new lead was assigned to you: ${who}`,
    heading: "You have a new lead",
    greeting: (name: string) => `Hello ${name},`,
    body: {
      "token-group": "By the token rotation rule, it is your turn to take this web lead.",
      "campaign-owner": "This web lead came in through a campaign you own, so it is yours.",
      "default-owner": "You are the designated person of this registration category, so this lead is yours.",
      manual: "A colleague entered this lead in the back office and chose you as its owner.",
    },
    number: "Lead number",
    category: "Registration category",
    submittedAt: "Submitted",
    contact: "Contact",
    email: "E-mail",
    phone: "Phone",
    company: "Company",
    place: "Region",
    requirement: "Requirement",
    items: "Products",
    quantity: (n: number) => `x ${n}`,
    matches: (n: number) =>
      `We found ${n} possibly existing contact(s) or company(ies). Check them on the lead before calling, so nobody is contacted twice.`,
    open: "Open the lead",
    linkFallback: "If the button does not work, copy this link into your browser:",
    reason:
      "you own this lead. Identify and follow it up soon; you can transfer it or distribute it to other salespeople in the back office.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function leadAssignedSubject(props: Parsed): string {
  return strings[props.locale].subject(props.who, props.leadNumber);
}

export function LeadAssignedEmail(props: Parsed) {
  const s = strings[props.locale];
  const rows: Array<[string, string]> = [[s.number, props.leadNumber]];
  if (props.categoryName) rows.push([s.category, props.categoryName]);
  rows.push([s.submittedAt, formatDateTime(props.submittedAt, props.locale)]);
  const contact = [props.contactName, props.contactTitle].filter(Boolean).join(props.locale === "en" ? ", " : "，");
  if (contact) rows.push([s.contact, contact]);
  if (props.contactEmail) rows.push([s.email, props.contactEmail]);
  if (props.contactPhone) rows.push([s.phone, props.contactPhone]);
  if (props.companyName) rows.push([s.company, props.companyName]);
  if (props.companyPlace) rows.push([s.place, props.companyPlace]);
  return (
    <EmailLayout locale={props.locale} preview={s.preview(props.who)} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.ownerName)} />
      <Text style={styles.paragraph}>{s.body[props.routedBy]}</Text>
      <FactTable rows={rows} />
      {props.requirement ? (
        <LabelledBlock label={s.requirement}>
          <PreLineText>{props.requirement}</PreLineText>
        </LabelledBlock>
      ) : null}
      {props.items.length > 0 ? (
        <LabelledBlock label={s.items}>
          {props.items.map((item, index) => (
            <Text key={`${index}-${item.sku}`} style={{ ...styles.paragraph, margin: "0 0 4px" }}>
              {`${item.name ? `${item.name} (${item.sku})` : item.sku} ${s.quantity(item.quantity)}`}
            </Text>
          ))}
        </LabelledBlock>
      ) : null}
      {props.matchCount > 0 ? <Callout>{s.matches(props.matchCount)}</Callout> : null}
      <ActionButton href={props.leadUrl} label={s.open} fallback={s.linkFallback} />
    </EmailLayout>
  );
}
