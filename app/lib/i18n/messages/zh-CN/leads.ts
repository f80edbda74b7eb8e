// Lead intake: field errors of the shared submission schema, lead statuses, routing labels and the
// owner's notification. The intake API, portal forms, staff entry and the lead inbox all use these.
export const leads = {
  "leads.error.contactOrCompany": "请至少填写联系人（姓名、邮箱或电话）或单位名称，线索须具备“联系人@单位”。",
  "leads.error.required": "此项为必填项。",
  "leads.error.invalid": "内容格式不正确。",
  "leads.error.tooLong": "内容过长。",
  "leads.error.invalidEmail": "请输入有效的邮箱地址。",
  "leads.error.invalidPhone": "请输入有效的电话号码（至少 5 位数字）。",
  "leads.error.requirementTooLong": "需求内容最多 5000 字。",
  "leads.error.quantity": "数量须为 1 到 100000 之间的整数。",
  "leads.error.tooManyItems": "一次最多提交 50 个产品。",
  "leads.error.unknownSku": "没有这个产品编号，或该产品已下架。",
  "leads.error.categoryUnavailable": "该登记分类不存在或已停用。",
  "leads.error.ownerNotFound": "请选择有效的负责人。",

  "leads.status.new": "新线索",
  "leads.status.assigned": "已分发",
  "leads.status.contacted": "已联系",
  "leads.status.qualified": "已确认",
  "leads.status.converted": "已转化",
  "leads.status.closed": "已关闭",

  "leads.routedBy.token-group": "令牌轮转",
  "leads.routedBy.campaign-owner": "营销战役负责人",
  "leads.routedBy.default-owner": "指定人员",
  "leads.routedBy.manual": "手工指定",

  "leads.source.portal": "门户网站",
  "leads.source.api": "接口推送",
  "leads.source.staff": "员工录入",
  "leads.source.forum": "培训教室",

  "leads.routing.step.token-turn": "令牌组「{group}」轮到第 {position} 位：{name}",
  "leads.routing.step.group-empty": "令牌组「{group}」没有成员，转交下一规则",
  "leads.routing.step.group-no-eligible": "令牌组「{group}」的成员都不在岗或已停用，转交下一规则",
  "leads.routing.step.no-token-group": "未绑定令牌组",
  "leads.routing.step.campaign-owner": "营销战役「{campaign}」的负责人：{name}",
  "leads.routing.step.campaign-owner-unavailable": "营销战役「{campaign}」的负责人 {name} 不在岗或已停用，转交指定人员",
  "leads.routing.step.designated": "登记分类的指定人员：{name}",
  "leads.routing.step.manual": "员工手工指定负责人：{name}",
  "leads.routing.skipped": "跳过：{name}（{reason}）",
  "leads.routing.skip.member-inactive": "在令牌组中已停用",
  "leads.routing.skip.staff-away": "不在岗",
  "leads.routing.skip.staff-inactive": "账号已停用",

  "leads.match.contact": "联系人",
  "leads.match.company": "单位",

  "leads.notification.newLead": "新线索：{who}",
  "leads.notification.body": "来源：{source}。{requirement}",
} as const;
