import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { actionTemplate } from "./action-email.tsx";

// The acknowledgement a visitor or member gets after submitting a form on the portal (#14 item 8):
// what we received, under which number, and that a colleague will call back. A customer, so 您.

export const LeadReceivedPropsSchema = z.object({
  name: z.string().max(100).optional(),
  leadNumber: z.string().min(1).max(40),
  /** The form's name as the portal shows it (在线需求, 产品订购, 来宾登记). */
  formName: z.string().min(1).max(100),
  /** Formatted for the reader's locale by the caller. */
  submittedAt: z.string().min(1).max(40),
  siteUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "我们已收到您的提交",
    preview: "感谢您的信任，我们已收到您提交的信息。",
    heading: "已收到您的提交",
    body: "感谢您的信任。我们已收到您提交的信息，相关同事会尽快与您联系。如需补充，回复本邮件即可。",
    form: "表单",
    number: "受理编号",
    submittedAt: "提交时间",
    open: "访问接力 CRM 门户",
    reason: "您在接力 CRM 门户提交了表单，并留下了本邮箱地址。",
  },
  en: {
    subject: "We have received your submission",
    preview: "Thank you; we have received the details you sent.",
    heading: "We have received your submission",
    body: "Thank you. We have received your details and a colleague will contact you shortly. To add anything, simply reply to this e-mail.",
    form: "Form",
    number: "Reference",
    submittedAt: "Submitted",
    open: "Visit the Relay CRM portal",
    reason: "you submitted a form on the Relay CRM portal and left this e-mail address.",
  },
} satisfies Record<Locale, Record<string, string>>;

export const leadReceivedTemplate = actionTemplate(LeadReceivedPropsSchema, strings, (props, s) => ({
  name: props.name,
  facts: [
    [s.form, props.formName],
    [s.number, props.leadNumber],
    [s.submittedAt, props.submittedAt],
  ],
  action: { href: props.siteUrl, label: s.open },
  linkFallback: true,
}));
