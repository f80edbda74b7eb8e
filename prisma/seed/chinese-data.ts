// Name, place and company pools for realistic Chinese demo and scale data. Surnames are weighted
// roughly by frequency so generated populations have the same collisions real ones do.

export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ["王", 72],
  ["李", 70],
  ["张", 68],
  ["刘", 53],
  ["陈", 46],
  ["杨", 31],
  ["黄", 24],
  ["赵", 22],
  ["吴", 21],
  ["周", 20],
  ["徐", 17],
  ["孙", 15],
  ["马", 13],
  ["朱", 13],
  ["胡", 11],
  ["郭", 11],
  ["何", 10],
  ["林", 10],
  ["罗", 9],
  ["高", 9],
  ["郑", 8],
  ["梁", 8],
  ["谢", 7],
  ["宋", 7],
  ["唐", 7],
  ["许", 6],
  ["韩", 6],
  ["冯", 6],
  ["邓", 6],
  ["曹", 6],
  ["彭", 5],
  ["曾", 5],
  ["肖", 5],
  ["田", 5],
  ["董", 5],
  ["袁", 4],
  ["潘", 4],
  ["于", 4],
  ["蒋", 4],
  ["蔡", 4],
  ["余", 4],
  ["杜", 4],
  ["叶", 4],
  ["程", 4],
  ["苏", 3],
  ["魏", 3],
  ["吕", 3],
  ["丁", 3],
  ["任", 3],
  ["沈", 3],
  ["姚", 3],
  ["卢", 3],
  ["姜", 3],
  ["崔", 3],
  ["钟", 3],
  ["谭", 3],
  ["陆", 3],
  ["汪", 3],
  ["范", 3],
  ["金", 3],
  ["石", 3],
  ["廖", 3],
  ["贾", 2],
  ["夏", 2],
  ["欧阳", 1],
  ["司马", 1],
  ["诸葛", 1],
];

export const GIVEN_CHARS =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文博浩宇子轩欣怡梓涵雨桐思远晨阳佳琪嘉怡俊杰宏伟晓东海燕丽华玉兰凤英春梅秋菊冬梅红霞桂芳建华立新振华永强国平学军新民慧敏淑珍雪梅婷婷倩倩";

export interface City {
  province: string;
  city: string;
  /** Landline area code without the trunk 0. */
  areaCode: string;
  pinyin: string;
}

export const CITIES: readonly City[] = [
  { province: "北京", city: "北京", areaCode: "10", pinyin: "beijing" },
  { province: "上海", city: "上海", areaCode: "21", pinyin: "shanghai" },
  { province: "天津", city: "天津", areaCode: "22", pinyin: "tianjin" },
  { province: "重庆", city: "重庆", areaCode: "23", pinyin: "chongqing" },
  { province: "广东", city: "广州", areaCode: "20", pinyin: "guangzhou" },
  { province: "广东", city: "深圳", areaCode: "755", pinyin: "shenzhen" },
  { province: "广东", city: "东莞", areaCode: "769", pinyin: "dongguan" },
  { province: "广东", city: "佛山", areaCode: "757", pinyin: "foshan" },
  { province: "浙江", city: "杭州", areaCode: "571", pinyin: "hangzhou" },
  { province: "浙江", city: "宁波", areaCode: "574", pinyin: "ningbo" },
  { province: "江苏", city: "南京", areaCode: "25", pinyin: "nanjing" },
  { province: "江苏", city: "苏州", areaCode: "512", pinyin: "suzhou" },
  { province: "江苏", city: "无锡", areaCode: "510", pinyin: "wuxi" },
  { province: "山东", city: "济南", areaCode: "531", pinyin: "jinan" },
  { province: "山东", city: "青岛", areaCode: "532", pinyin: "qingdao" },
  { province: "四川", city: "成都", areaCode: "28", pinyin: "chengdu" },
  { province: "湖北", city: "武汉", areaCode: "27", pinyin: "wuhan" },
  { province: "湖南", city: "长沙", areaCode: "731", pinyin: "changsha" },
  { province: "陕西", city: "西安", areaCode: "29", pinyin: "xian" },
  { province: "福建", city: "厦门", areaCode: "592", pinyin: "xiamen" },
  { province: "福建", city: "福州", areaCode: "591", pinyin: "fuzhou" },
  { province: "辽宁", city: "沈阳", areaCode: "24", pinyin: "shenyang" },
  { province: "辽宁", city: "大连", areaCode: "411", pinyin: "dalian" },
  { province: "河南", city: "郑州", areaCode: "371", pinyin: "zhengzhou" },
  { province: "安徽", city: "合肥", areaCode: "551", pinyin: "hefei" },
  { province: "云南", city: "昆明", areaCode: "871", pinyin: "kunming" },
];

export const COMPANY_CORES = [
  "星辰",
  "华创",
  "远航",
  "恒通",
  "鼎盛",
  "瑞丰",
  "宏图",
  "金桥",
  "天成",
  "中科",
  "博远",
  "新纪元",
  "汇智",
  "银河",
  "东方",
  "嘉禾",
  "卓越",
  "同创",
  "启明",
  "润泽",
  "安泰",
  "长城",
  "海纳",
  "蓝天",
  "正信",
  "凯达",
  "睿思",
  "云帆",
  "福瑞",
  "盛世",
];

export const COMPANY_TRADES: ReadonlyArray<readonly [string, string]> = [
  ["科技", "IT业"],
  ["信息技术", "IT业"],
  ["软件", "IT业"],
  ["电子", "制造业"],
  ["机械", "制造业"],
  ["精密仪器", "制造业"],
  ["新材料", "制造业"],
  ["物流", "商务服务业"],
  ["咨询", "商务服务业"],
  ["贸易", "零售/批发业"],
  ["商贸", "零售/批发业"],
  ["医疗器械", "制造业"],
  ["环保", "制造业"],
  ["网络", "IT业"],
  ["自动化", "制造业"],
];

export const COMPANY_SUFFIX_POOL = ["有限公司", "有限公司", "股份有限公司", "集团有限公司"];

export const COMPANY_TYPES = ["最终用户", "客户-最终用户", "客户-分销", "客户-代理", "潜在客户", "合作伙伴"];

export const TITLES = [
  "总经理",
  "副总经理",
  "采购经理",
  "技术总监",
  "IT 经理",
  "财务经理",
  "项目经理",
  "工程师",
  "行政主管",
  "销售总监",
];

export const STREETS = [
  "中关村大街",
  "建国路",
  "人民路",
  "解放路",
  "科技园南路",
  "滨江大道",
  "长安街",
  "天府大道",
  "珠江路",
  "高新大道",
];

/** Deterministic PRNG (mulberry32): the same seed always yields the same demo organisation. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const weighted = <T>(list: ReadonlyArray<readonly [T, number]>): T => {
    const total = list.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of list) {
      r -= w;
      if (r < 0) return value;
    }
    return list[list.length - 1]![0];
  };
  return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof createRandom>;
