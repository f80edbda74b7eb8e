// Every toneless Mandarin syllable (ü written v), taken from pinyin-pro's dictionary; used to tell a
// run of Latin letters that spells a Chinese name ("ouyangxiaoming") from a company or English word.
// Consonant-only interjections (m, n, ng, hm) are left out: no name is spelt with them.
const SYLLABLES = new Set(
  "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo".split(
    " ",
  ),
);
const LONGEST = 6; // zhuang, chuang, shuang

/**
 * The fewest pinyin syllables that spell `word` exactly (lower-case letters), or null when it cannot
 * be spelt with pinyin at all ("liuzhiqiang" → 3, "huaweitech" → null).
 */
export function pinyinSyllableCount(word: string): number | null {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return null;
  const best: number[] = new Array<number>(w.length + 1).fill(Infinity);
  best[0] = 0;
  for (let end = 1; end <= w.length; end++) {
    for (let len = 1; len <= LONGEST && len <= end; len++) {
      const prev = best[end - len]!;
      if (prev + 1 < best[end]! && SYLLABLES.has(w.slice(end - len, end))) best[end] = prev + 1;
    }
  }
  const n = best[w.length]!;
  return Number.isFinite(n) ? n : null;
}

/** A Latin word (or words run together) that reads as a Chinese personal name: 2–4 syllables of pinyin. */
export function looksLikePinyinName(word: string): boolean {
  const n = pinyinSyllableCount(word);
  return n !== null && n >= 2 && n <= 4;
}

/**
 * Folds the ways people type ü in pinyin to the v the matcher stores: "Lü", "Lǚ", "Lu:", "LYU"
 * (passport spelling, only after l/n) → lv. Tone marks on other vowels are dropped.
 */
export function foldPinyinLatin(text: string): string {
  return text
    .normalize("NFD")
    .replace(/u\u0308/g, "v")
    .replace(/U\u0308/g, "V")
    .replace(/\p{M}/gu, "")
    .replace(/([lnLN])[uU]:/g, "$1v")
    .replace(/\b([lnLN])[yY][uU](?=e?[^a-zA-Z]|e?$)/g, "$1v")
    .normalize("NFC");
}
