// Field names shared by the portal intake forms (client) and portal-intake.server.ts (server).

/** Name of the field people never see and bots fill in. */
export const HONEYPOT_FIELD = "homepage";
/** A fresh id per rendered form, sent back so a repeated POST replays instead of duplicating. */
export const SUBMISSION_ID_FIELD = "submissionId";
/** Quantity inputs of the order form are named `qty.<sku>`. */
export const QUANTITY_PREFIX = "qty.";
export const MAX_ORDER_QUANTITY = 100_000;

export const CONTACT_FIELDS = ["name", "title", "email", "mobile", "phone"] as const;
export const COMPANY_FIELDS = ["name", "province", "city", "address"] as const;

/** Submitted (trimmed) values by input name, handed back to refill the form after an error. */
export type FormValues = Partial<Record<string, string>>;

/** Provincial-level divisions, offered as suggestions (people may still type anything). */
export const PROVINCES = [
  "北京市",
  "天津市",
  "河北省",
  "山西省",
  "内蒙古自治区",
  "辽宁省",
  "吉林省",
  "黑龙江省",
  "上海市",
  "江苏省",
  "浙江省",
  "安徽省",
  "福建省",
  "江西省",
  "山东省",
  "河南省",
  "湖北省",
  "湖南省",
  "广东省",
  "广西壮族自治区",
  "海南省",
  "重庆市",
  "四川省",
  "贵州省",
  "云南省",
  "西藏自治区",
  "陕西省",
  "甘肃省",
  "青海省",
  "宁夏回族自治区",
  "新疆维吾尔自治区",
  "香港特别行政区",
  "澳门特别行政区",
  "台湾省",
] as const;
