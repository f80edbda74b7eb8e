import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { ActionButton, EmailOpening } from "./action-email.tsx";
import { EmailLayout, FactTable, styles } from "./email-layout.tsx";

// Sent to the CSR who owns a service contract 30 and 7 days before it ends, so renewal talks start
// in time (seed 000 §2.K 服务合约). One mail per contract, end date and threshold.

export const ServiceContractExpiringPropsSchema = z.object({
  ownerName: z.string().min(1).max(100),
  contractNumber: z.string().min(1).max(20),
  contractName: z.string().min(1).max(200),
  companyName: z.string().min(1).max(200),
  /** "YYYY-MM-DD" */
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  daysLeft: z.number().int().min(0),
  contractUrl: z.url(),
});
type Parsed = z.output<typeof ServiceContractExpiringPropsSchema> & { locale: Locale };

const strings = {
  "zh-CN": {
    subject: (number: string, days: number) => `服务合约 ${number} 将在 ${days} 天后到期`,
    preview: (company: string, days: number) => `${company} 的服务合约还有 ${days} 天到期`,
    heading: "服务合约即将到期",
    greeting: (name: string) => `${name}，你好：`,
    body: (days: number) => `你负责的这份服务合约将在 ${days} 天后到期，请及时与客户沟通续约。`,
    number: "合约编号",
    name: "合约名称",
    company: "客户单位",
    endDate: "到期日",
    open: "查看合约",
    linkFallback: "如果按钮无法打开，请复制以下链接到浏览器：",
    reason: "你是这份服务合约的负责客服。",
  },
  en: {
    subject: (number: string, days: number) => `Service contract ${number} ends in ${days} days`,
    preview: (company: string, days: number) => `The service contract of ${company} ends in ${days} days`,
    heading: "A service contract is about to end",
    greeting: (name: string) => `Hello ${name},`,
    body: (days: number) =>
      `The service contract you own ends in ${days} days. Talk to the customer about renewal in time.`,
    number: "Contract number",
    name: "Contract",
    company: "Customer",
    endDate: "End date",
    open: "Open the contract",
    linkFallback: "If the button does not work, copy this link into your browser:",
    reason: "you are the customer service owner of this contract.",
  },
} satisfies Record<Locale, Record<string, unknown>>;

export function serviceContractExpiringSubject(props: Parsed): string {
  return strings[props.locale].subject(props.contractNumber, props.daysLeft);
}

export function ServiceContractExpiringEmail(props: Parsed) {
  const s = strings[props.locale];
  return (
    <EmailLayout locale={props.locale} preview={s.preview(props.companyName, props.daysLeft)} reason={s.reason}>
      <EmailOpening heading={s.heading} greeting={s.greeting(props.ownerName)} />
      <Text style={styles.paragraph}>{s.body(props.daysLeft)}</Text>
      <FactTable
        rows={[
          [s.number, props.contractNumber],
          [s.name, props.contractName],
          [s.company, props.companyName],
          [s.endDate, props.endDate],
        ]}
      />
      <ActionButton href={props.contractUrl} label={s.open} fallback={s.linkFallback} />
    </EmailLayout>
  );
}
