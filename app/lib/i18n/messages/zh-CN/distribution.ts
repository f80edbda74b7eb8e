// 线索自动分发规则 and batch transfer / distribute / recall (#5).
export const distribution = {
  "distribution.title": "distribution",
};
