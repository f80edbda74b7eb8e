// Customer zones, customer assets and service contracts (#7).
export const zones = {
  "zones.title": "用户专区",
  "zones.nav.eyebrow": "用户专区",
  "zones.nav.label": "专区导航",
  "zones.nav.overview": "概览",
  "zones.nav.requests": "服务请求",
  "zones.nav.assets": "资产",
  "zones.nav.contracts": "合约",
  "zones.nav.members": "成员",
  "zones.nav.search": "搜索",
  "zones.nav.polls": "投票",
};
