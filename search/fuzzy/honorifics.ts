// Titles people put after (or 老/小 before) a family name when they do not know, or do not use, the
// given name: 王经理, 刘总, 张工, 李老师, 陈主任, 赵女士, 老王. The matcher must read 王经理 as "someone
// called 王", not as a person whose given name is 经理.

// Longest first, so 总经理 wins over 经理 and 总.
const TITLES = [
  "董事长",
  "总经理",
  "副总经理",
  "总工程师",
  "工程师",
  "副经理",
  "总监",
  "经理",
  "主任",
  "主管",
  "老师",
  "教授",
  "博士",
  "院长",
  "校长",
  "所长",
  "处长",
  "科长",
  "局长",
  "部长",
  "厂长",
  "站长",
  "组长",
  "秘书",
  "会计",
  "律师",
  "医生",
  "大夫",
  "师傅",
  "女士",
  "先生",
  "小姐",
  "同学",
  "总",
  "工",
  "董",
].sort((a, b) => b.length - a.length);

const COMPOUND = /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|独孤|南宫|西门)$/u;

export interface StrippedName {
  /** What is left: the family name alone (王) or a full name written with a title (王强经理 → 王强). */
  name: string;
  title: string;
}

/**
 * Removes a title from a Han name token. Returns null when there is none, or when removing it
 * would leave nothing that can be a name (a lone 经理).
 */
export function stripHonorific(token: string): StrippedName | null {
  for (const title of TITLES) {
    if (token.length > title.length && token.endsWith(title)) {
      const name = token.slice(0, -title.length);
      // One-character titles (刘总, 张工, 李董) only after a bare family name: 王志工 may be a name.
      const maxName = title.length === 1 ? (COMPOUND.test(name) ? 2 : 1) : 4;
      if (name.length >= 1 && name.length <= maxName) return { name, title };
    }
  }
  // 老王 / 小王: familiar forms of a family name.
  const familiar = /^([老小阿])(\p{Script=Han})$/u.exec(token);
  if (familiar) return { name: familiar[2]!, title: familiar[1]! };
  return null;
}
