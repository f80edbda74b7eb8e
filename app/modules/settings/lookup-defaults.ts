// 系统枚举表 (seed §2.P.6): the editable enumerations and their starting values. Codes are what
// records store, so they are the codes already in use (company-codes.ts, the ServiceRequestKind enum,
// Lead.source, the salutations on contacts) and never change; labels, order and the active flag are
// the admin's to edit.

export const LOOKUP_TABLES = [
  "industry",
  "company_type",
  "lead_source",
  "service_request_kind",
  "expense_type",
  "task_kind",
  "salutation",
  "company_rating",
  "contract_type",
  "settlement_method",
  "delivery_method",
] as const;
export type LookupTableKey = (typeof LOOKUP_TABLES)[number];

export function isLookupTableKey(value: string): value is LookupTableKey {
  return (LOOKUP_TABLES as readonly string[]).includes(value);
}

/** Tables whose codes a program depends on (enum members, intake channels): values may be relabelled
 * and reordered but not added, and stay active. */
export const FIXED_CODE_TABLES: readonly LookupTableKey[] = ["service_request_kind"];

export interface LookupDefault {
  code: string;
  zh: string;
  en: string;
  /** Expense types only. */
  personal?: boolean;
  reportClass?: string;
}

export const LOOKUP_DEFAULTS: Record<LookupTableKey, LookupDefault[]> = {
  // Company types and industries: the codes of app/modules/crm/companies/company-codes.ts (which also
  // maps the free texts older rows carry, e.g. "最终用户", "IT业"), with the same labels.
  industry: [
    { code: "manufacturing", zh: "制造业", en: "Manufacturing" },
    { code: "it", zh: "IT 业", en: "IT" },
    { code: "retail", zh: "零售/批发业", en: "Retail / wholesale" },
    { code: "business_services", zh: "商务服务业", en: "Business services" },
    { code: "finance", zh: "金融业", en: "Finance" },
    { code: "education", zh: "教育", en: "Education" },
    { code: "healthcare", zh: "医疗卫生", en: "Healthcare" },
    { code: "government", zh: "政府/公共事业", en: "Government / public sector" },
    { code: "energy", zh: "能源", en: "Energy" },
    { code: "construction", zh: "建筑业", en: "Construction" },
    { code: "logistics", zh: "交通物流", en: "Transport / logistics" },
    { code: "other", zh: "其他", en: "Other" },
  ],
  company_type: [
    { code: "end_user_direct", zh: "最终用户-直接", en: "End user – direct" },
    { code: "end_user", zh: "最终用户", en: "End user" },
    { code: "customer_end_user", zh: "客户-最终用户", en: "Customer – end user" },
    { code: "customer_professional", zh: "客户-专业", en: "Customer – professional" },
    { code: "customer_distribution", zh: "客户-分销", en: "Customer – distribution" },
    { code: "customer_agent", zh: "客户-代理", en: "Customer – agent" },
    { code: "prospect", zh: "潜在客户", en: "Prospect" },
    { code: "partner", zh: "合作伙伴", en: "Partner" },
    { code: "competitor", zh: "竞争对手", en: "Competitor" },
    { code: "supplier", zh: "供应商", en: "Supplier" },
  ],
  lead_source: [
    { code: "portal", zh: "门户网站", en: "Website" },
    { code: "api", zh: "接口推送", en: "Intake API" },
    { code: "staff", zh: "员工录入", en: "Staff entry" },
    { code: "exhibition", zh: "展会", en: "Exhibition" },
    { code: "referral", zh: "客户推荐", en: "Referral" },
    { code: "telephone", zh: "来电咨询", en: "Inbound call" },
    { code: "advertising", zh: "广告", en: "Advertising" },
    { code: "forum", zh: "培训论坛", en: "Training forum" },
  ],
  service_request_kind: [
    { code: "question", zh: "问题", en: "Question" },
    { code: "opinion", zh: "意见", en: "Opinion" },
    { code: "suggestion", zh: "建议", en: "Suggestion" },
    { code: "fault", zh: "故障", en: "Fault" },
  ],
  expense_type: [
    { code: "travel", zh: "差旅费", en: "Travel", personal: true, reportClass: "selling" },
    { code: "transport", zh: "交通费", en: "Local transport", personal: true, reportClass: "selling" },
    { code: "entertainment", zh: "招待费", en: "Entertainment", personal: true, reportClass: "selling" },
    { code: "communication", zh: "通讯费", en: "Telephone", personal: true, reportClass: "admin" },
    { code: "advertising", zh: "广告费", en: "Advertising", reportClass: "marketing" },
    { code: "exhibition", zh: "会展费", en: "Exhibitions and events", reportClass: "marketing" },
    { code: "gifts", zh: "礼品费", en: "Gifts", reportClass: "marketing" },
    { code: "printing", zh: "印刷资料费", en: "Printed material", reportClass: "marketing" },
    { code: "other", zh: "其他", en: "Other", reportClass: "admin" },
  ],
  task_kind: [
    { code: "call", zh: "电话", en: "Call" },
    { code: "visit", zh: "拜访", en: "Visit" },
    { code: "meeting", zh: "会议", en: "Meeting" },
    { code: "email", zh: "邮件", en: "E-mail" },
    { code: "demo", zh: "演示", en: "Demo" },
    { code: "todo", zh: "待办", en: "To-do" },
  ],
  salutation: [
    { code: "先生", zh: "先生", en: "Mr" },
    { code: "女士", zh: "女士", en: "Ms" },
    { code: "博士", zh: "博士", en: "Dr" },
    { code: "教授", zh: "教授", en: "Prof." },
  ],
  company_rating: [
    { code: "A", zh: "A 重点客户", en: "A – key account" },
    { code: "B", zh: "B 一般客户", en: "B – regular" },
    { code: "C", zh: "C 小客户", en: "C – small" },
    { code: "D", zh: "D 待观察", en: "D – watch" },
  ],
  // Sales contracts (seed §2.L.8: 类型 追加购买, 结算方式 电汇, 交货方式 铁路运输; decision 045).
  contract_type: [
    { code: "new", zh: "新购", en: "New purchase" },
    { code: "add_on", zh: "追加购买", en: "Add-on purchase" },
    { code: "renewal", zh: "续约", en: "Renewal" },
    { code: "upgrade", zh: "升级", en: "Upgrade" },
  ],
  settlement_method: [
    { code: "wire", zh: "电汇", en: "Wire transfer" },
    { code: "acceptance_bill", zh: "银行承兑汇票", en: "Bank acceptance bill" },
    { code: "cheque", zh: "支票", en: "Cheque" },
    { code: "cash", zh: "现金", en: "Cash" },
  ],
  delivery_method: [
    { code: "rail", zh: "铁路运输", en: "Rail" },
    { code: "road", zh: "公路运输", en: "Road" },
    { code: "express", zh: "快递", en: "Express courier" },
    { code: "pickup", zh: "客户自提", en: "Customer pick-up" },
  ],
};

/** 报表统计归类 of expense types. */
export const EXPENSE_REPORT_CLASSES = ["selling", "marketing", "admin"] as const;
