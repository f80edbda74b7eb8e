import { dictionary } from "@zxcvbn-ts/language-common";

// ASVS 6.2.4: refuse the most common passwords. zxcvbn-ts ships ~49k from public breach corpora;
// the extra list covers patterns common in Chinese breaches that an English-centred list misses.
const CHINESE_COMMON = [
  "woaini1314",
  "5201314",
  "woaini520",
  "a123456",
  "a123456789",
  "qq123456",
  "123456a",
  "123456aa",
  "123456789a",
  "aa123456",
  "abc123456",
  "1qaz2wsx",
  "88888888",
  "66666666",
  "11111111",
  "00000000",
  "12345678a",
  "123123123",
  "147258369",
  "159357",
  "password1",
  "iloveyou",
  "zxcvbnm123",
  "qwe123456",
  "woaini",
  "wangyang",
  "zhang123",
  "li123456",
  "wang123456",
  "asd123456",
  "112233",
  "1314520",
];

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
