import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { actionTemplate } from "./action-email.tsx";

// Sent to the salesperson who owns a sales contract when an instalment of its payment plan (收款计划)
// is about to fall due, falls due, or is overdue (seed 000 §2.L.8 reminders). Once per instalment and
// kind. Colleagues, so the back office's 你.

export const ContractPaymentDuePropsSchema = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(["upcoming", "due", "overdue"]),
  contractTitle: z.string().min(1).max(300),
  companyName: z.string().min(1).max(200),
  instalment: z.string().min(1).max(100),
  /** "YYYY-MM-DD" */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Formatted by the caller ("¥12,800.00"). */
  outstanding: z.string().min(1).max(40),
  contractUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "收款提醒：合同有一期款项需要跟进",
    preview: "合同收款计划中有一期款项需要跟进。",
    heading: "收款提醒",
    body: "你负责的合同中有一期款项即将到期、今天到期或已经逾期，请及时与客户联系收款。",
    contract: "合同",
    company: "客户单位",
    instalment: "款项",
    dueDate: "应收日期",
    outstanding: "未收金额",
    open: "查看收款计划",
    reason: "你是这份合同的负责人。每期款项的每种提醒只发送一次。",
  },
  en: {
    subject: "Payment reminder: an instalment of a contract needs follow-up",
    preview: "An instalment of a contract's payment plan needs follow-up.",
    heading: "Payment reminder",
    body: "An instalment of a contract you own is about to fall due, falls due today or is overdue. Please follow up with the customer.",
    contract: "Contract",
    company: "Customer",
    instalment: "Instalment",
    dueDate: "Due date",
    outstanding: "Outstanding",
    open: "Open the payment plan",
    reason: "you own this contract. Each kind of reminder is sent once per instalment.",
  },
} satisfies Record<Locale, Record<string, string>>;

export const contractPaymentDueTemplate = actionTemplate(ContractPaymentDuePropsSchema, strings, (props, s) => ({
  name: props.name,
  informal: true,
  facts: [
    [s.contract, props.contractTitle],
    [s.company, props.companyName],
    [s.instalment, props.instalment],
    [s.dueDate, props.dueDate],
    [s.outstanding, props.outstanding],
  ],
  action: { href: props.contractUrl, label: s.open },
  linkFallback: true,
}));
