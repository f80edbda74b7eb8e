import { describe, expect, it } from "vitest";
import { containsLink } from "./forum-limits.ts";
import { normalizeWord, screenText, strongestAction, type SensitiveWord } from "./forum-words.ts";

function word(text: string, action: SensitiveWord["action"]): SensitiveWord {
  return { word: text, normalized: normalizeWord(text), action };
}

describe("sensitive-word matcher", () => {
  const words = [word("代开发票", "block"), word("BadWord", "replace"), word("加微信", "hold")];

  it("is not fooled by width, case, spaces, punctuation or invisible characters", () => {
    for (const text of [
      "代开发票",
      "代 开 发 票",
      "代.开,发、票",
      "代\u200b开\u200d发\ufeff票",
      "代－开＊发　票",
      "可以【代】【开】【发】【票】吗",
    ]) {
      expect(
        screenText(text, words, "text").hits.map((h) => h.action),
        text,
      ).toEqual(["block"]);
    }
    for (const text of ["ＢＡＤＷＯＲＤ", "badword", "b a d-w.o.r.d", "BAD WORD"]) {
      expect(
        screenText(text, words, "text").hits.map((h) => h.word),
        text,
      ).toEqual(["BadWord"]);
    }
    expect(screenText("代理开具发票", words, "text").hits).toEqual([]);
  });

  it("finds words split by inline markup but never matches inside tags or attributes", () => {
    expect(screenText("<p>加<strong>微</strong>信</p>", words, "html").hits.map((h) => h.action)).toEqual(["hold"]);
    expect(screenText('<p title="代开发票">正常内容</p>', words, "html").hits).toEqual([]);
  });

  it("masks exactly the characters of a replace word, one ＊ each, keeping separators and markup", () => {
    expect(screenText("这是 b.a.d word 吧", words, "text").masked).toBe("这是 ＊.＊.＊ ＊＊＊＊ 吧");
    expect(screenText("<p>ＢＡＤ<em>word</em>!</p>", words, "html").masked).toBe("<p>＊＊＊<em>＊＊＊＊</em>!</p>");
  });

  it("orders actions block > hold > replace", () => {
    expect(
      strongestAction([
        { word: "a", action: "replace" },
        { word: "b", action: "hold" },
      ]),
    ).toBe("hold");
    expect(
      strongestAction([
        { word: "a", action: "hold" },
        { word: "b", action: "block" },
      ]),
    ).toBe("block");
    expect(strongestAction([])).toBeNull();
  });

  it("folds a word typed by the admin the same way as the text", () => {
    expect(normalizeWord(" 代 开-发票 ")).toBe("代开发票");
    expect(normalizeWord("ＡＢＣ")).toBe("abc");
    expect(normalizeWord("…")).toBe("");
  });
});

describe("link detector", () => {
  it("finds written addresses in their usual and disguised forms", () => {
    for (const text of [
      "看 https://example.com",
      "www.shop.cn",
      "加我 example.com 详谈",
      "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ",
      "example。com",
      '<p><a href="https://x.io">点这里</a></p>',
      "ftp://files.example.org",
    ]) {
      expect(containsLink(text), text).toBe(true);
    }
  });

  it("leaves ordinary text, versions and numbers alone", () => {
    for (const text of ["版本 3.2.1 安装失败", "价格 1.5 万元", "请问 Node.js 怎么装", "e.g. 这样"]) {
      expect(containsLink(text), text).toBe(false);
    }
  });
});
