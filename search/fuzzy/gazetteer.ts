// A small gazetteer for the fuzzy matcher: provinces and the prefecture-level cities a mid-size
// Chinese company's contacts come from. Used to recognise cities in free text ("刘强 深圳 …"),
// to strip leading place names from company names, and to relate a city to its province.

export interface Place {
  city: string;
  province: string;
}

const BY_PROVINCE: Record<string, string> = {
  北京: "北京",
  上海: "上海",
  天津: "天津",
  重庆: "重庆",
  广东: "广州 深圳 东莞 佛山 珠海 中山 惠州 汕头 江门 湛江 肇庆",
  浙江: "杭州 宁波 温州 绍兴 嘉兴 金华 台州 湖州",
  江苏: "南京 苏州 无锡 常州 南通 徐州 扬州 镇江 盐城",
  山东: "济南 青岛 烟台 潍坊 淄博 临沂 济宁 威海",
  四川: "成都 绵阳 德阳 宜宾",
  湖北: "武汉 宜昌 襄阳",
  湖南: "长沙 株洲 湘潭 岳阳",
  陕西: "西安 宝鸡 咸阳",
  福建: "厦门 福州 泉州 漳州",
  辽宁: "沈阳 大连 鞍山",
  河南: "郑州 洛阳 开封",
  河北: "石家庄 唐山 保定 廊坊",
  安徽: "合肥 芜湖",
  云南: "昆明",
  贵州: "贵阳",
  广西: "南宁 桂林 柳州",
  江西: "南昌 赣州",
  山西: "太原 大同",
  吉林: "长春 吉林",
  黑龙江: "哈尔滨 大庆",
  内蒙古: "呼和浩特 包头",
  新疆: "乌鲁木齐",
  甘肃: "兰州",
  海南: "海口 三亚",
  宁夏: "银川",
  青海: "西宁",
  西藏: "拉萨",
  香港: "香港",
  澳门: "澳门",
  台湾: "台北",
};

export const PLACES: readonly Place[] = Object.entries(BY_PROVINCE).flatMap(([province, cities]) =>
  cities.split(" ").map((city) => ({ city, province })),
);

const CITY_TO_PROVINCE = new Map(PLACES.map((p) => [p.city, p.province]));
const PROVINCES = new Set(Object.keys(BY_PROVINCE));

/** Strip the administrative suffix: 深圳市 → 深圳, 广东省 → 广东, 宁夏回族自治区 stays recognisable. */
export function placeKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value
    .normalize("NFKC")
    .trim()
    .replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/u, "");
  return v || null;
}

export function isCity(value: string): boolean {
  return CITY_TO_PROVINCE.has(value);
}

export function isProvince(value: string): boolean {
  return PROVINCES.has(value);
}

export function provinceOf(city: string | null): string | null {
  return city ? (CITY_TO_PROVINCE.get(city) ?? null) : null;
}

/** Every place name (cities first, longest first) for prefix stripping and free-text scanning. */
export const PLACE_NAMES: readonly string[] = [...new Set([...PLACES.map((p) => p.city), ...PROVINCES])].sort(
  (a, b) => b.length - a.length,
);
