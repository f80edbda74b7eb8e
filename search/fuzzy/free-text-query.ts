// Free text → structured match query: "刘强 深圳 liu@xyz.com" → { name: 刘强, city: 深圳, email: … }.
// E-mails and phones by pattern, places by the gazetteer (Han or pinyin: 深圳 / 深圳市 / shenzhen),
// a Han token of 2–4 characters as the person's name, everything else as company words.
import { stripHonorific } from "./honorifics.ts";
import { foldPinyinLatin, looksLikePinyinName, pinyinSyllableCount } from "./pinyin-syllables.ts";
import { isCity, isProvince, PLACE_NAMES, PLACES, placeKey } from "./gazetteer.ts";
import { foldText, textPinyin } from "./normalise.ts";
import { splitPhoneRun } from "./phone-runs.ts";

export interface ParsedQuery {
  name: string | null;
  email: string | null;
  phones: string[];
  city: string | null;
  province: string | null;
  companyName: string | null;
  /** A bare "@xyz.com" (or www.xyz.com): the company's mail domain, without a mailbox. */
  emailDomain: string | null;
  /** Name initials typed on their own ("LQ", "lzq"): letters that cannot be spelt in pinyin. */
  initials: string | null;
  /** 4–6 digit pieces of a phone number ("尾号8000", "8000"). */
  phoneFragments: string[];
  /** The name is also a city's pinyin ("linyi"): the city was read from it and may be wrong. */
  nameMayBeCity: boolean;
}

const BARE_DOMAIN = /(?:^|[\s,;，；])(?:@|www\.)([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?=$|[\s,;，；])/giu;
const PHONE_FRAGMENT = /^(?:尾号|尾数|手机尾号|电话尾号)?(\d{4,6})$/u;
const EMAIL = /[^\s@,;，；<>()（）]+@[^\s@,;，；<>()（）]+\.[a-z]{2,}/giu;
// Digits with phone punctuation, at least 7 digits in all: +86 138-0013-8000, (010) 6234 5678.
const PHONE = /(?:\+|00)?[\d(][\d\s\-().]{5,}\d/gu;
const COMPANY_MARKERS =
  /(公司|集团|科技|技术|股份|有限|企业|工厂|厂|研究所|研究院|医院|大学|学院|学校|银行|中心|事务所|商行|门市|物流|咨询|贸易|商贸|电子|机械|网络|软件|信息|仪器|材料|器械|环保|自动化|实业|控股|工程|建设|传媒|文化|电气|电器|制造|设备|服务)$/u;

/** Common family names (single and compound): a Han token starting with one is most likely a name. */
const SURNAME_CHARS = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
]);
const COMPOUND_SURNAMES =
  /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|独孤|南宫|西门)/u;

function isSurname(token: string): boolean {
  return (token.length === 1 && SURNAME_CHARS.has(token)) || (token.length === 2 && COMPOUND_SURNAMES.test(token));
}

function looksLikeName(token: string): boolean {
  return token.length >= 2 && token.length <= 4 && (SURNAME_CHARS.has(token[0]!) || COMPOUND_SURNAMES.test(token));
}

let pinyinPlaces: Map<string, string> | null = null;
function placeByPinyin(word: string): string | null {
  if (!pinyinPlaces) {
    pinyinPlaces = new Map();
    for (const place of PLACES) pinyinPlaces.set(textPinyin(place.city), place.city);
  }
  return pinyinPlaces.get(word) ?? null;
}

export function parseFreeText(input: string): ParsedQuery {
  let text = foldText(input);
  const result: ParsedQuery = {
    name: null,
    email: null,
    phones: [],
    city: null,
    province: null,
    companyName: null,
    emailDomain: null,
    initials: null,
    phoneFragments: [],
    nameMayBeCity: false,
  };

  text = text.replace(EMAIL, (m) => {
    result.email ??= m;
    return " ";
  });
  text = text.replace(BARE_DOMAIN, (_m, domain: string) => {
    result.emailDomain ??= domain.toLowerCase();
    return " ";
  });
  text = text.replace(PHONE, (m) => {
    if (m.replace(/\D/g, "").length >= 7) {
      result.phones.push(...splitPhoneRun(m));
      return " ";
    }
    return m;
  });
  // Pinyin ü as people type it (Lü, Lǚ, Lu:, LYU) → v, as stored.
  text = foldPinyinLatin(text);

  const companyWords: string[] = [];
  const latinWords: string[] = [];
  /** Short Han tokens that are neither places nor names with a common surname. */
  const hanLeftovers: string[] = [];
  const setPlace = (place: string): boolean => {
    if (isCity(place) && !result.city) {
      result.city = place;
      return true;
    }
    if (isProvince(place) && !isCity(place) && !result.province) {
      result.province = place;
      return true;
    }
    return false;
  };

  for (const raw of text.split(/[\s,;，；、/|]+/u)) {
    const token = raw.trim();
    if (!token) continue;
    const fragment = PHONE_FRAGMENT.exec(token);
    if (fragment) {
      result.phoneFragments.push(fragment[1]!);
      continue;
    }
    if (/^\p{Script=Han}+$/u.test(token)) {
      // 王经理, 刘总, 张工, 老王: the family name (or a full name) with a title.
      const titled = stripHonorific(token);
      if (titled && !result.name && (looksLikeName(titled.name) || isSurname(titled.name))) {
        result.name = titled.name;
        continue;
      }
      const place = placeKey(token);
      if (place && setPlace(place)) continue;
      if (COMPANY_MARKERS.test(token) || token.length > 4) {
        companyWords.push(token);
        continue;
      }
      // "深圳刘强": a place glued to the front of a name.
      let rest = token;
      for (const name of PLACE_NAMES) {
        if (rest.length - name.length >= 2 && rest.startsWith(name) && looksLikeName(rest.slice(name.length))) {
          setPlace(name);
          rest = rest.slice(name.length);
          break;
        }
      }
      if (!result.name && looksLikeName(rest)) result.name = rest;
      else hanLeftovers.push(rest);
      continue;
    }
    if (/^\p{L}+$/u.test(token)) {
      // Initials on their own ("LQ", "lzq"): 2–4 letters that no pinyin spells.
      if (!result.initials && /^[a-z]{2,4}$/i.test(token) && pinyinSyllableCount(token) === null) {
        result.initials = token.toLowerCase();
        continue;
      }
      latinWords.push(token);
    } else companyWords.push(token);
  }
  // Pinyin place names ("shenzhen") are the city — unless taking them out would leave half a
  // Latin name behind ("Guiyang Wu" is a person called 吴桂阳).
  const places = latinWords.filter((w) => placeByPinyin(w.toLowerCase()) !== null);
  if (
    places.length === 1 &&
    latinWords.length === 1 &&
    !result.name &&
    !result.initials &&
    looksLikePinyinName(latinWords[0]!)
  ) {
    // "linyi" alone is a person called 林毅 or the city 临沂: keep both readings, the scorer decides.
    const place = placeByPinyin(latinWords[0]!.toLowerCase())!;
    if (!result.city && isCity(place)) {
      result.city = place;
      result.nameMayBeCity = true;
    }
  } else if (places.length > 0 && !(latinWords.length === 2 && places.length === 1 && !result.name)) {
    for (const w of places) {
      if (setPlace(placeByPinyin(w.toLowerCase())!)) latinWords.splice(latinWords.indexOf(w), 1);
    }
  }
  // Latin words: one or two short words are a pinyin/Western name ("Liu Qiang"), otherwise company words.
  // Long pinyin ("Ouyang Xiaoming", "liuxiangzhuang") is still a name when it spells 2–4 syllables;
  // "Liu Zhi Qiang" (one syllable a word) too.
  const nameWords =
    (latinWords.length >= 1 &&
      latinWords.length <= 2 &&
      latinWords.every((w) => w.length <= 12 || looksLikePinyinName(w))) ||
    (latinWords.length >= 3 && latinWords.length <= 4 && latinWords.every((w) => pinyinSyllableCount(w) === 1));
  if (!result.name && nameWords) {
    result.name = latinWords.join(" ");
  } else companyWords.push(...latinWords);
  // A lone short Han token with a rare surname is still the name when nothing else is; else company.
  if (!result.name && hanLeftovers.length === 1 && companyWords.length > 0 && hanLeftovers[0]!.length <= 3) {
    result.name = hanLeftovers[0]!;
  } else companyWords.unshift(...hanLeftovers);
  if (companyWords.length > 0) result.companyName = companyWords.join(" ");
  return result;
}
