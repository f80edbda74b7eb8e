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

/** One starting value: code, 中文, English, and for expense types the report class and whether it is personal. */
type DefaultRow = readonly [code: string, zh: string, en: string, reportClass?: string, personal?: boolean];

function rows(table: readonly DefaultRow[]): LookupDefault[] {
  return table.map(([code, zh, en, reportClass, personal]) => ({
    code,
    zh,
    en,
    ...(personal ? { personal } : {}),
    ...(reportClass ? { reportClass } : {}),
  }));
}

export const LOOKUP_DEFAULTS: Record<LookupTableKey, LookupDefault[]> = {
  // Company types and industries: the codes of app/modules/crm/companies/company-codes.ts (which also
  // maps the free texts older rows carry, e.g. "最终用户", "IT业"), with the same labels.
  industry: rows([
    ["manufacturing", "制造业", "Manufacturing"],
    ["it", "IT 业", "IT"],
    ["retail", "零售/批发业", "Retail / wholesale"],
    ["business_services", "商务服务业", "Business services"],
    ["finance", "金融业", "Finance"],
    ["education", "教育", "Education"],
    ["healthcare", "医疗卫生", "Healthcare"],
    ["government", "政府/公共事业", "Government / public sector"],
    ["energy", "能源", "Energy"],
    ["construction", "建筑业", "Construction"],
    ["logistics", "交通物流", "Transport / logistics"],
    ["other", "其他", "Other"],
  ]),
  company_type: rows([
    ["end_user_direct", "最终用户-直接", "End user – direct"],
    ["end_user", "最终用户", "End user"],
    ["customer_end_user", "客户-最终用户", "Customer – end user"],
    ["customer_professional", "客户-专业", "Customer – professional"],
    ["customer_distribution", "客户-分销", "Customer – distribution"],
    ["customer_agent", "客户-代理", "Customer – agent"],
    ["prospect", "潜在客户", "Prospect"],
    ["partner", "合作伙伴", "Partner"],
    ["competitor", "竞争对手", "Competitor"],
    ["supplier", "供应商", "Supplier"],
  ]),
  lead_source: rows([
    ["portal", "门户网站", "Website"],
    ["api", "接口推送", "Intake API"],
    ["staff", "员工录入", "Staff entry"],
    ["exhibition", "展会", "Exhibition"],
    ["referral", "客户推荐", "Referral"],
    ["telephone", "来电咨询", "Inbound call"],
    ["advertising", "广告", "Advertising"],
    ["forum", "培训论坛", "Training forum"],
  ]),
  service_request_kind: rows([
    ["question", "问题", "Question"],
    ["opinion", "意见", "Opinion"],
    ["suggestion", "建议", "Suggestion"],
    ["fault", "故障", "Fault"],
  ]),
  expense_type: rows([
    ["travel", "差旅费", "Travel", "selling", true],
    ["transport", "交通费", "Local transport", "selling", true],
    ["entertainment", "招待费", "Entertainment", "selling", true],
    ["communication", "通讯费", "Telephone", "admin", true],
    ["advertising", "广告费", "Advertising", "marketing"],
    ["exhibition", "会展费", "Exhibitions and events", "marketing"],
    ["gifts", "礼品费", "Gifts", "marketing"],
    ["printing", "印刷资料费", "Printed material", "marketing"],
    ["other", "其他", "Other", "admin"],
  ]),
  task_kind: rows([
    ["call", "电话", "Call"],
    ["visit", "拜访", "Visit"],
    ["meeting", "会议", "Meeting"],
    ["email", "邮件", "E-mail"],
    ["demo", "演示", "Demo"],
    ["todo", "待办", "To-do"],
  ]),
  salutation: rows([
    ["先生", "先生", "Mr"],
    ["女士", "女士", "Ms"],
    ["博士", "博士", "Dr"],
    ["教授", "教授", "Prof."],
  ]),
  company_rating: rows([
    ["A", "A 重点客户", "A – key account"],
    ["B", "B 一般客户", "B – regular"],
    ["C", "C 小客户", "C – small"],
    ["D", "D 待观察", "D – watch"],
  ]),
  // Sales contracts (seed §2.L.8: 类型 追加购买, 结算方式 电汇, 交货方式 铁路运输; decision 045).
  contract_type: rows([
    ["new", "新购", "New purchase"],
    ["add_on", "追加购买", "Add-on purchase"],
    ["renewal", "续约", "Renewal"],
    ["upgrade", "升级", "Upgrade"],
  ]),
  settlement_method: rows([
    ["wire", "电汇", "Wire transfer"],
    ["acceptance_bill", "银行承兑汇票", "Bank acceptance bill"],
    ["cheque", "支票", "Cheque"],
    ["cash", "现金", "Cash"],
  ]),
  delivery_method: rows([
    ["rail", "铁路运输", "Rail"],
    ["road", "公路运输", "Road"],
    ["express", "快递", "Express courier"],
    ["pickup", "客户自提", "Customer pick-up"],
  ]),
};

/** 报表统计归类 of expense types. */
export const EXPENSE_REPORT_CLASSES = ["selling", "marketing", "admin"] as const;
