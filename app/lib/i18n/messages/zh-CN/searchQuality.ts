// Search quality (#14 items 1–5): the knowledge base's synonym list, hot searches and the sign-in
// prompt for members-only solutions.
export const searchQuality = {
  "searchQuality.synonyms.title": "知识库同义词",
  "searchQuality.synonyms.description":
    "同一组里的词在知识库搜索中互相等同：客户搜“开不了机”，也能找到写着“无法开机”的解决方案。修改立即生效。",
  "searchQuality.synonyms.list": "同义词组",
  "searchQuality.synonyms.empty": "还没有同义词组。",
  "searchQuality.synonyms.new": "新增同义词组",
  "searchQuality.synonyms.terms": "同义词",
  "searchQuality.synonyms.termsHint":
    "用逗号、顿号或换行分隔，至少两个词，每个词不超过 30 个字，例如：开不了机，无法开机，开机失败",
  "searchQuality.synonyms.add": "添加",
  "searchQuality.synonyms.delete": "删除",
  "searchQuality.synonyms.deleteLabel": "删除同义词组：{terms}",
  "searchQuality.synonyms.back": "返回知识库",
  "searchQuality.synonyms.error.terms": "请至少填写两个不同的词。",
  "searchQuality.synonyms.error.tooLong": "最多 10 个词，每个词不超过 30 个字。",
  "searchQuality.synonyms.error.duplicate": "这些词已经在同一个同义词组里了。",
  "searchQuality.hot.label": "热门搜索",
  "searchQuality.signIn.title": "登录后即可查看这篇解决方案",
  "searchQuality.signIn.body": "这篇解决方案仅对会员开放。请您登录会员账号，登录后将自动回到本页。",
  "searchQuality.signIn.register": "还没有账号？免费注册",
};
