import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { ActionButton, EmailOpening, LabelledBlock, PreLineText } from "./action-email.tsx";
import { EmailLayout, FactTable, styles } from "./email-layout.tsx";

// Sent to the CSR a new service request was routed to (zone CSR, service token group or a colleague's
// phone entry). It carries the SLA due time so the CSR can plan the first response.

export const SERVICE_KIND_VALUES = ["question", "opinion", "suggestion", "fault"] as const;

export const ServiceRequestNewPropsSchema = z.object({
  staffName: z.string().min(1).max(100),
  requestNumber: z.string().min(1).max(20),
  subject: z.string().min(1).max(200),
  kind: z.enum(SERVICE_KIND_VALUES),
  companyName: z.string().min(1).max(200),
  requesterName: z.string().max(100).optional(),
  assetName: z.string().max(200).optional(),
  /** Plain-text excerpt of the description. */
  excerpt: z.string().max(600).default(""),
  dueAt: z.date().optional(),
  channel: z.enum(["zone", "phone", "email", "staff"]),
  requestUrl: z.url(),
});
type Parsed = z.output<typeof ServiceRequestNewPropsSchema> & { locale: Locale };

const strings = {
  "zh-CN": {
    subject: (n: string, s: string) => `新服务请求 ${n}：${s}`,
    preview: (c: string) => `${c} 提交了一个服务请求`,
    heading: "你有一个新的服务请求",
    greeting: (name: string) => `${name}，你好：`,
    body: {
      zone: "客户在用户专区提交了服务请求，已分配给你处理。",
      phone: "同事根据客户来电录入了服务请求，并分配给你处理。",
      email: "客户通过邮件提交了服务请求，已分配给你处理。",
      staff: "同事录入了服务请求，并分配给你处理。",
    },
    kind: { question: "问题", opinion: "意见", suggestion: "建议", fault: "故障" },
    number: "请求编号",
    kindLabel: "类型",
    company: "客户",
    requester: "提交人",
    asset: "资产",
    due: "响应期限",
    description: "描述",
    open: "查看服务请求",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器：",
    reason: "你是这个服务请求的负责客服。",
  },
  en: {
    subject: (n: string, s: string) => `New service request ${n}: ${s}`,
    preview: (c: string) => `${c} submitted a service request`,
    heading: "You have a new service request",
    greeting: (name: string) => `Hello ${name},`,
    body: {
      zone: "A customer submitted this request in their zone; it was assigned to you.",
      phone: "A colleague entered this request from a customer's call and assigned it to you.",
      email: "A customer sent this request by e-mail; it was assigned to you.",
      staff: "A colleague entered this request and assigned it to you.",
    },
    kind: { question: "Question", opinion: "Opinion", suggestion: "Suggestion", fault: "Fault" },
    number: "Request number",
    kindLabel: "Kind",
    company: "Customer",
    requester: "Requester",
    asset: "Asset",
    due: "Respond by",
    description: "Description",
    open: "Open the request",
    linkFallback: "If the button does not work, copy this link into your browser:",
    reason: "you are the CSR responsible for this service request.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function serviceRequestNewSubject(props: Parsed): string {
  return strings[props.locale].subject(props.requestNumber, props.subject);
}

export function ServiceRequestNewEmail(props: Parsed) {
  const s = strings[props.locale];
  const rows: Array<[string, string]> = [
    [s.number, props.requestNumber],
    [s.kindLabel, s.kind[props.kind]],
    [s.company, props.companyName],
  ];
  if (props.requesterName) rows.push([s.requester, props.requesterName]);
  if (props.assetName) rows.push([s.asset, props.assetName]);
  if (props.dueAt) rows.push([s.due, formatDateTime(props.dueAt, props.locale)]);
  return (
    <EmailLayout locale={props.locale} preview={s.preview(props.companyName)} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.staffName)} />
      <Text style={styles.paragraph}>{s.body[props.channel]}</Text>
      <Text style={{ ...styles.paragraph, fontWeight: 600 }}>{props.subject}</Text>
      <FactTable rows={rows} />
      {props.excerpt ? (
        <LabelledBlock label={s.description}>
          <PreLineText>{props.excerpt}</PreLineText>
        </LabelledBlock>
      ) : null}
      <ActionButton href={props.requestUrl} label={s.open} fallback={s.linkFallback} />
    </EmailLayout>
  );
}
