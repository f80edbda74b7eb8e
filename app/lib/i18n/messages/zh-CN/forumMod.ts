// Forum moderation remainder (#17 item 4, decision 041): reports, the moderation queue, new-member
// limits, rate limits and the sensitive-word list.
export const forumMod = {
  // Errors (a refusal stores nothing)
  "forumMod.error.blockedWord": "内容含有不允许发布的词语，请修改后再提交。",
  "forumMod.error.links": "新会员暂时不能发布链接（网址）。请去掉链接后再提交，多参与讨论后即可发布链接。",
  "forumMod.error.rateLimited": "您发帖太频繁了，请 {minutes} 分钟后再试。",
  "forumMod.error.reason": "请选择举报原因。",
  "forumMod.error.ownPost": "不能举报自己的帖子。",
  "forumMod.error.alreadyReported": "您已经举报过这个帖子，我们会尽快处理。",
  "forumMod.error.word": "请填写 1–50 个字的词语（不能只有空格或标点）。",
  "forumMod.error.action": "请选择处理方式。",
  "forumMod.error.wordExists": "这个词已在列表中（全角/半角、大小写视为同一个词）。",
  "forumMod.error.number": "请填写范围内的整数。",

  // Held for review
  "forumMod.held": "待审核",
  "forumMod.heldNotice": "待审核：管理员审核通过后，其他会员才能看到。",

  // Reporting
  "forumMod.report": "举报",
  "forumMod.report.reasonLabel": "举报原因",
  "forumMod.report.reason.spam": "垃圾信息",
  "forumMod.report.reason.abuse": "辱骂或人身攻击",
  "forumMod.report.reason.advert": "广告推销",
  "forumMod.report.reason.offTopic": "与主题无关",
  "forumMod.report.reason.other": "其他",
  "forumMod.report.note": "补充说明（可选）",
  "forumMod.report.submit": "提交举报",

  // Queue
  "forumMod.queue.title": "审核队列",
  "forumMod.queue.description": "会员举报的帖子按帖子汇总；新会员的帖子和命中审核词的帖子在这里等待审核。",
  "forumMod.queue.reported": "被举报的帖子",
  "forumMod.queue.held": "待审核的帖子",
  "forumMod.queue.noReports": "没有待处理的举报",
  "forumMod.queue.noHeld": "没有待审核的帖子",
  "forumMod.queue.reports": "{count} 次举报",
  "forumMod.queue.reply": "回复",
  "forumMod.queue.question": "主题",
  "forumMod.queue.dismiss": "驳回举报",
  "forumMod.queue.hide": "隐藏帖子",
  "forumMod.queue.delete": "删除帖子",
  "forumMod.queue.approve": "通过",
  "forumMod.queue.approveTrust": "通过并信任该会员",
  "forumMod.queue.reject": "拒绝",
  "forumMod.queue.hiddenPosts": "已隐藏的帖子",

  // Settings
  "forumMod.settings.title": "论坛设置",
  "forumMod.settings.description": "新会员限制、发帖频率和敏感词。修改立即生效，并记录在审计日志中。",
  "forumMod.settings.limits": "发帖限制",
  "forumMod.settings.heldPosts": "新会员前几帖需审核",
  "forumMod.settings.heldPostsHint": "会员通过审核的帖子少于此数时，新帖先进入审核队列；0 表示不审核。",
  "forumMod.settings.linkMinPosts": "可发链接的信任门槛（已通过的帖子数）",
  "forumMod.settings.linkMinPostsHint": "低于门槛的会员发布含链接的内容会被拒绝并提示原因；0 表示不限制。",
  "forumMod.settings.threadsPerHour": "每小时最多发主题",
  "forumMod.settings.repliesPerMinute": "每分钟最多回复",
  "forumMod.settings.repliesPerHour": "每小时最多回复",
  "forumMod.settings.zeroOff": "0 表示不限制。",
  "forumMod.settings.words": "敏感词",
  "forumMod.settings.wordsHint":
    "匹配时忽略全角/半角、大小写以及字间插入的空格和标点。禁止：拒绝发布；替换：以＊代替；审核：进入审核队列。",
  "forumMod.settings.word": "词语",
  "forumMod.settings.action": "处理方式",
  "forumMod.settings.noWords": "还没有敏感词",
  "forumMod.word.block": "禁止发布",
  "forumMod.word.replace": "替换为＊",
  "forumMod.word.hold": "进入审核",
} as const;
