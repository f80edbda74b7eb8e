// zh-CN is the source language: every user-facing string has a key in one of these area files.
// The English files must have the same keys (TypeScript and dictionaries.test.ts check it).
export const common = {
  "app.name": "接力 CRM",
  "app.tagline": "让每一条线索都交到对的人手里",
  "locale.switch": "English",
  "locale.label": "语言",
  "error.notFound.title": "页面不存在",
  "error.notFound.body": "您访问的页面不存在或已被移除。",
  "error.unauthenticated.body": "请先登录后台。",
  "error.forbidden.title": "没有权限",
  "error.forbidden.body": "您的角色没有访问此模块的权限，如需开通请联系系统管理员。",
  "error.generic.title": "出错了",
  "error.generic.body": "服务器处理请求时出现问题，请稍后重试。",
  "error.back": "返回首页",
} as const;
