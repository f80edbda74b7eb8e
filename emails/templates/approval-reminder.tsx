import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { actionTemplate } from "./action-email.tsx";

// Sent once per approval step to each approver who has not voted after the configured delay
// (审核管理 reminders, seed §2.P.4). Colleagues, so the back office's 你.

export const ApprovalReminderPropsSchema = z.object({
  name: z.string().min(1).max(100),
  itemTitle: z.string().min(1).max(300),
  authorName: z.string().min(1).max(100),
  /** Formatted for the reader's locale by the caller (formatDateTime). */
  submittedAt: z.string().min(1).max(40),
  queueUrl: z.url(),
});

const strings = {
  "zh-CN": {
    subject: "审核提醒：有事项仍在等待你审核",
    preview: "有一项审核仍在等待你的意见。",
    heading: "有事项等待你审核",
    body: "下列事项提交后仍在等待你的审核意见，请尽快核准或否决。",
    item: "事项",
    author: "提交人",
    submittedAt: "提交时间",
    open: "打开待我审核",
    reason: "你是这一审核步骤的审核人。每一步只提醒一次。",
  },
  en: {
    subject: "Reminder: an item is waiting for your approval",
    preview: "An approval is still waiting for your decision.",
    heading: "An item is waiting for your approval",
    body: "The item below is still waiting for your decision. Please approve or reject it.",
    item: "Item",
    author: "Submitted by",
    submittedAt: "Submitted",
    open: "Open my approval queue",
    reason: "you are an approver of this approval step. Each step is reminded once.",
  },
} satisfies Record<Locale, Record<string, string>>;

export const approvalReminderTemplate = actionTemplate(ApprovalReminderPropsSchema, strings, (props, s) => ({
  name: props.name,
  informal: true,
  facts: [
    [s.item, props.itemTitle],
    [s.author, props.authorName],
    [s.submittedAt, props.submittedAt],
  ],
  action: { href: props.queueUrl, label: s.open },
  linkFallback: true,
}));
