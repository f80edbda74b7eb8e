// Record widgets shared by every detail page (app/ui/records): notes, tasks, timelines, facts.
export const records = {
  "records.someone": "一位员工",
  "records.notes.title": "便笺",
  "records.notes.label": "便笺内容",
  "records.notes.placeholder": "记下要点：联系了谁、谈了什么、下一步……",
  "records.notes.submit": "添加便笺",
  "records.notes.none": "还没有便笺",
  "records.tasks.title": "任务",
  "records.tasks.complete": "完成",
  "records.tasks.reopen": "重新打开",
  "records.tasks.reopenOne": "重新打开任务：{title}",
  "records.tasks.dueLabel": "到期日",
  "records.timeline.none": "还没有记录",
  "records.attachments.title": "附件",
  "records.attachments.none": "没有附件",
  "records.attachments.download": "下载 {name}（{size}）",
  "records.attachments.openImage": "在新标签页中查看图片 {name}",
} as const;
