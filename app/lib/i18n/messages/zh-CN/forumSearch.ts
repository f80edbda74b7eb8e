// Training classroom search, post attachments, classroom covers and the contact timeline's forum
// activity (issue #17 items 3, 5, 7; decision 043).
export const forumSearch = {
  "forumSearch.title": "搜索培训教室",
  "forumSearch.label": "搜索问答与课件",
  "forumSearch.placeholder": "输入问题关键词，支持拼音",
  "forumSearch.lead": "在您可以进入的教室里查找问答、回复和课件。",
  "forumSearch.threads": "问答",
  "forumSearch.posts": "回复",
  "forumSearch.lessons": "课件",
  "forumSearch.inClassroom": "教室：{name}",
  "forumSearch.none": "没有找到相关内容，换个关键词试试，或者直接提问。",
  "forumSearch.hint": "输入关键词开始搜索。",
  "forumSearch.accepted": "已采纳",

  "forumSearch.attachments": "附件",
  "forumSearch.attachmentsHint": "图片会显示在帖子中，其他文件以列表列出；每个文件不超过 10 MB，最多 5 个。",
  "forumSearch.error.attachments":
    "附件未能上传：仅限图片、PDF、Office 文档、文本和压缩包，每个不超过 10 MB，最多 5 个。",
  "forumSearch.cover": "封面图片",
  "forumSearch.coverHint": "PNG、JPG、GIF 或 WebP，不超过 10 MB。",
  "forumSearch.coverSaved": "封面已更新。",
  "forumSearch.coverRemove": "移除封面",
  "forumSearch.error.cover": "封面须为图片（PNG、JPG、GIF 或 WebP）。",

  "forumSearch.timeline.title": "培训教室动态",
  "forumSearch.timeline.thread": "{nickname} 在「{classroom}」提问：{title}",
  "forumSearch.timeline.reply": "{nickname} 回复了「{title}」",
  "forumSearch.timeline.accepted": "{nickname} 的回答被采纳：「{title}」",
  "forumSearch.timeline.hidden": "已隐藏",
} as const;
