import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { ActionButton, Callout, EmailOpening } from "./action-email.tsx";
import { EmailLayout, FactTable, styles } from "./email-layout.tsx";

// Both directions of a service-request conversation: customer service replied or changed the status
// (to the requesting member), or the member replied (to the assigned CSR). Internal notes never
// produce this mail.

export const SERVICE_STATUS_VALUES = [
  "new",
  "accepted",
  "in_progress",
  "waiting_customer",
  "resolved",
  "closed",
] as const;

export const ServiceRequestReplyPropsSchema = z.object({
  recipientName: z.string().min(1).max(100),
  /** to-member: our reply / status change; to-staff: the customer's reply. */
  direction: z.enum(["to-member", "to-staff"]),
  event: z.enum(["reply", "status"]),
  requestNumber: z.string().min(1).max(20),
  subject: z.string().min(1).max(200),
  authorName: z.string().min(1).max(100),
  excerpt: z.string().max(600).default(""),
  status: z.enum(SERVICE_STATUS_VALUES),
  requestUrl: z.url(),
});
type Parsed = z.output<typeof ServiceRequestReplyPropsSchema> & { locale: Locale };

const strings = {
  "zh-CN": {
    subject: {
      reply: (n: string, s: string) => `服务请求 ${n} 有新回复：${s}`,
      status: (n: string, s: string) => `服务请求 ${n} 状态已更新：${s}`,
    },
    heading: { reply: "您的服务请求有新回复", status: "您的服务请求状态已更新" },
    headingStaff: "客户回复了服务请求",
    greeting: (name: string) => `${name}，您好：`,
    lead: {
      reply: (a: string) => `${a} 回复了服务请求：`,
      status: (a: string) => `${a} 更新了服务请求的状态。`,
    },
    status: {
      new: "新建",
      accepted: "已受理",
      in_progress: "处理中",
      waiting_customer: "等待客户",
      resolved: "已解决",
      closed: "已关闭",
    },
    number: "请求编号",
    statusLabel: "当前状态",
    open: "查看服务请求",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器：",
    reasonMember: "您在用户专区提交了这个服务请求。",
    reasonStaff: "您是这个服务请求的负责客服。",
  },
  en: {
    subject: {
      reply: (n: string, s: string) => `New reply on service request ${n}: ${s}`,
      status: (n: string, s: string) => `Service request ${n} updated: ${s}`,
    },
    heading: { reply: "Your service request has a new reply", status: "Your service request was updated" },
    headingStaff: "The customer replied to a service request",
    greeting: (name: string) => `Hello ${name},`,
    lead: {
      reply: (a: string) => `${a} replied:`,
      status: (a: string) => `${a} changed the status of the request.`,
    },
    status: {
      new: "New",
      accepted: "Accepted",
      in_progress: "In progress",
      waiting_customer: "Waiting for customer",
      resolved: "Resolved",
      closed: "Closed",
    },
    number: "Request number",
    statusLabel: "Status",
    open: "Open the request",
    linkFallback: "If the button does not work, copy this link into your browser:",
    reasonMember: "you submitted this service request in your customer zone.",
    reasonStaff: "you are the CSR responsible for this service request.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function serviceRequestReplySubject(props: Parsed): string {
  return strings[props.locale].subject[props.event](props.requestNumber, props.subject);
}

export function ServiceRequestReplyEmail(props: Parsed) {
  const s = strings[props.locale];
  const toMember = props.direction === "to-member";
  const heading = toMember ? s.heading[props.event] : s.headingStaff;
  return (
    <EmailLayout locale={props.locale} preview={heading} reason={toMember ? s.reasonMember : s.reasonStaff}>
      <EmailOpening heading={heading} greeting={s.greeting(props.recipientName)} />
      <Text style={{ ...styles.paragraph, fontWeight: 600 }}>{props.subject}</Text>
      <Text style={styles.paragraph}>{s.lead[props.event](props.authorName)}</Text>
      {props.excerpt ? <Callout preLine>{props.excerpt}</Callout> : null}
      <FactTable
        rows={[
          [s.number, props.requestNumber],
          [s.statusLabel, s.status[props.status]],
        ]}
      />
      <ActionButton href={props.requestUrl} label={s.open} fallback={s.linkFallback} />
    </EmailLayout>
  );
}
