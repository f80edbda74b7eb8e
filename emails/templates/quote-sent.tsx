import { Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { actionTemplate } from "./action-email.tsx";
import { styles } from "./email-layout.tsx";

// A quote e-mailed to the customer's contact with its PDF attached (seed 000 §2.L.7: "e-mail it at
// once"). Customers are addressed as 您. The button opens the quote in the customer's zone when it is
// published there, else the portal's home.

export const QuoteSentPropsSchema = z.object({
  name: z.string().max(100).optional(),
  quoteTitle: z.string().min(1).max(300),
  number: z.string().min(1).max(40),
  total: z.string().min(1).max(40),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  senderName: z.string().min(1).max(100),
  /** The salesperson's own words, if any. */
  message: z.string().max(2000).optional(),
  quoteUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "报价单：请查阅附件中的报价",
    preview: "我们为您准备了一份报价单，PDF 已附在邮件中。",
    heading: "您的报价单",
    body: "感谢您的垂询。我们为您准备了以下报价，完整的报价单（PDF）已附在本邮件中。",
    quote: "报价单",
    number: "编号",
    total: "含税合计",
    validUntil: "有效期至",
    sender: "报价人",
    open: "在线查看报价单",
    reason: "我们的销售人员向您发送了这份报价单。",
  },
  en: {
    subject: "Your quotation (PDF attached)",
    preview: "We have prepared a quotation for you; the PDF is attached.",
    heading: "Your quotation",
    body: "Thank you for your enquiry. Please find our quotation below; the full quotation (PDF) is attached.",
    quote: "Quotation",
    number: "Number",
    total: "Total incl. tax",
    validUntil: "Valid until",
    sender: "Sent by",
    open: "View the quotation online",
    reason: "our sales team sent you this quotation.",
  },
} satisfies Record<Locale, Record<string, string>>;

export const quoteSentTemplate = actionTemplate(QuoteSentPropsSchema, strings, (props, s) => ({
  name: props.name,
  facts: [
    [s.quote, props.quoteTitle],
    [s.number, props.number],
    [s.total, props.total],
    [s.validUntil, props.validUntil],
    [s.sender, props.senderName],
  ],
  lead: props.message ? <Text style={styles.paragraph}>{props.message}</Text> : undefined,
  action: { href: props.quoteUrl, label: s.open },
  linkFallback: true,
}));
