// 系统表 on records (#16 item 6): 线索来源 on leads, 任务类型 on tasks.
export const adminEnums = {
  "adminEnums.leadSource.label": "线索来源",
  "adminEnums.leadSource.change": "修改线索来源",
  "adminEnums.leadSource.byChannel": "按录入渠道（员工录入）",
  "adminEnums.leadSource.entryHint": "展会、客户推荐、来电等；选项由管理员在“系统表”中维护。",
  "adminEnums.leadSource.invalid": "请选择一个有效的线索来源。",
  "adminEnums.taskKind.label": "任务类型",
  "adminEnums.taskKind.change": "修改类型",
} as const;
