import { describe, expect, it } from "vitest";
import { queryKeys, recordKeys } from "./blocking-keys.ts";
import { toFeatures } from "./features.ts";
import { MatchIndex } from "./match-index.ts";

describe("blocking keys", () => {
  it("files a contact under e-mail, phone, suffix, name (+ one-deletion variants), pinyin, initials+city, company", () => {
    const keys = recordKeys(
      toFeatures({
        name: "刘强伟",
        email: "lqw@xingchen.cn",
        phones: ["13800138000"],
        companyName: "星辰科技有限公司",
        city: "深圳",
      }),
    );
    expect(keys.sort()).toEqual(
      [
        "e:lqw@xingchen.cn",
        "d:xingchen.cn",
        "p:13800138000",
        "t:0138000",
        "n:刘强伟",
        "n:强伟",
        "n:刘伟",
        "n:刘强",
        "y:liuqiangwei",
        "i:lqw|深圳",
        "c:星辰",
      ].sort(),
    );
  });

  it("never files under a free mailbox domain, and probes an e-mail's letters against names' pinyin", () => {
    const keys = queryKeys(toFeatures({ email: "liu.qiang@qq.com" }));
    expect(keys).not.toContain("d:qq.com");
    expect(keys).toContain("y:liuqiang");
  });
});

describe("MatchIndex", () => {
  function build() {
    const index = new MatchIndex({ maxPosting: 3 });
    index.upsert(1, toFeatures({ name: "刘强", email: "liuqiang@xyz.com", city: "深圳" }));
    index.upsert(2, toFeatures({ name: "刘强", email: "lq@abc.cn", city: "北京" }));
    index.upsert(3, toFeatures({ name: "柳强", phones: ["13900000003"], city: "深圳" }));
    index.upsert(4, toFeatures({ name: "张伟", email: "zw@xyz.com", city: "深圳" }));
    return index;
  }

  it("ranks the seed example's person first; a same-city homophone before a namesake with another e-mail elsewhere", () => {
    const ranked = build().search(toFeatures({ name: "刘强", city: "深圳", email: "liu@xyz.com" }));
    expect(ranked.map((r) => r.id)).toEqual([1, 3, 2, 4]);
    expect(ranked[0]).toMatchObject({ verdict: "same" });
  });

  it("updates and removes records incrementally", () => {
    const index = build();
    index.upsert(3, toFeatures({ name: "柳强", phones: ["13900000099"], city: "深圳" }));
    expect(index.candidates(toFeatures({ phones: ["13900000003"] })).size).toBe(0);
    expect(index.candidates(toFeatures({ phones: ["13900000099"] }))).toEqual(new Set([3]));
    index.remove(3);
    expect(index.size).toBe(3);
    expect(index.candidates(toFeatures({ phones: ["13900000099"] })).size).toBe(0);
  });

  it("skips keys shared by more records than maxPosting", () => {
    const index = build();
    index.upsert(5, toFeatures({ email: "a@xyz.com" }));
    index.upsert(6, toFeatures({ email: "b@xyz.com" }));
    // d:xyz.com now has 4 records > 3: it no longer generates candidates on its own.
    expect(index.candidates(toFeatures({ email: "nobody@xyz.com" })).size).toBe(0);
  });
});
