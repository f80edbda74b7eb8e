import type { records as zh } from "../zh-CN/records.ts";

export const records: Record<keyof typeof zh, string> = {
  "records.someone": "A colleague",
  "records.notes.title": "Notes",
  "records.notes.label": "Note",
  "records.notes.placeholder": "Who you reached, what was said, what comes next…",
  "records.notes.submit": "Add note",
  "records.notes.none": "No notes yet",
  "records.tasks.title": "Tasks",
  "records.tasks.complete": "Done",
  "records.tasks.reopen": "Reopen",
  "records.tasks.reopenOne": "Reopen task: {title}",
  "records.tasks.dueLabel": "Due date",
  "records.timeline.none": "Nothing recorded yet",
  "records.attachments.title": "Attachments",
  "records.attachments.none": "No attachments",
  "records.attachments.download": "Download {name} ({size})",
  "records.attachments.openImage": "Open image {name} in a new tab",
};
