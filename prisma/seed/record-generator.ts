import { pinyin } from "pinyin-pro";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import {
  CITIES,
  COMPANY_CORES,
  COMPANY_SUFFIX_POOL,
  COMPANY_TRADES,
  COMPANY_TYPES,
  GIVEN_CHARS,
  STREETS,
  SURNAMES,
  TITLES,
  type City,
  type Random,
} from "./chinese-data.ts";

// Realistic-looking companies and contacts for the demo seed and the scale generator (bench/).

export interface GeneratedCompany {
  name: string;
  type: string;
  industry: string;
  province: string;
  city: string;
  address: string;
  postcode: string;
  phone: string;
  fax: string;
  website: string;
  domain: string;
  nameKey: string;
  phoneKey: string | null;
}

export interface GeneratedContact {
  familyName: string;
  givenName: string;
  fullName: string;
  salutation: string;
  title: string;
  province: string;
  city: string;
  address: string;
  phone: string;
  mobile: string;
  email: string;
  emailKey: string | null;
  phoneKey: string | null;
}

const DOMAIN_TLDS = [".com", ".cn", ".com.cn", ".net"];
const FREE_MAIL = ["qq.com", "163.com", "126.com", "sina.com", "outlook.com"];

function toPinyin(text: string): string {
  return pinyin(text, { toneType: "none", type: "array", nonZh: "removed", v: true }).join("");
}

function landline(r: Random, city: City): string {
  return `0${city.areaCode}-${r.int(2, 8)}${String(r.int(0, 9_999_999)).padStart(7, "0")}`;
}

export function generateCompany(r: Random, serial: number): GeneratedCompany {
  const city = r.pick(CITIES);
  const core = r.pick(COMPANY_CORES);
  const [trade, industry] = r.pick(COMPANY_TRADES);
  // The serial keeps names unique at scale without looking machine-made in small sets.
  const disambiguator = serial < COMPANY_CORES.length * COMPANY_TRADES.length ? "" : String(serial % 997);
  const name = `${city.city}${core}${disambiguator}${trade}${r.pick(COMPANY_SUFFIX_POOL)}`;
  const domain = `${toPinyin(core)}${disambiguator}${r.pick(DOMAIN_TLDS)}`;
  const phone = landline(r, city);
  return {
    name,
    type: r.pick(COMPANY_TYPES),
    industry,
    province: city.province,
    city: city.city,
    address: `${city.city}市${r.pick(STREETS)}${r.int(1, 399)}号`,
    postcode: String(r.int(100000, 850000)),
    phone,
    fax: landline(r, city),
    website: `https://www.${domain}`,
    domain,
    nameKey: companyNameKey(name),
    phoneKey: phoneKey(phone),
  };
}

export function generateContact(
  r: Random,
  company: Pick<GeneratedCompany, "domain" | "city" | "province"> | null,
): GeneratedContact {
  const familyName = r.weighted(SURNAMES);
  const givenLength = r.next() < 0.7 ? 2 : 1;
  let givenName = "";
  for (let i = 0; i < givenLength; i++) givenName += GIVEN_CHARS[r.int(0, GIVEN_CHARS.length - 1)];
  const fullName = `${familyName}${givenName}`;
  const city = company ? (CITIES.find((c) => c.city === company.city) ?? r.pick(CITIES)) : r.pick(CITIES);
  const surnamePy = toPinyin(familyName);
  const givenPy = toPinyin(givenName);
  const style = r.int(0, 3);
  const local =
    style === 0
      ? `${surnamePy}${givenPy}`
      : style === 1
        ? `${givenPy}.${surnamePy}`
        : style === 2
          ? `${surnamePy}${givenPy[0] ?? ""}${r.int(1, 99)}`
          : `${surnamePy}.${givenPy}`;
  const email = `${local}@${company && r.next() < 0.8 ? company.domain : r.pick(FREE_MAIL)}`;
  const mobile = `1${r.pick(["3", "5", "7", "8", "9"])}${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
  const phone = landline(r, city);
  return {
    familyName,
    givenName,
    fullName,
    salutation: r.next() < 0.5 ? "先生" : "女士",
    title: r.pick(TITLES),
    province: city.province,
    city: city.city,
    address: `${city.city}市${r.pick(STREETS)}${r.int(1, 399)}号`,
    phone,
    mobile,
    email,
    emailKey: emailKey(email),
    phoneKey: contactPhoneKey({ mobile, phone }),
  };
}
