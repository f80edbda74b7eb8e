// Lead distribution, the 我处理 claim, identification, tasks and notes on a lead (#5).
export const leadWork = {
  "leadWork.title": "leadWork",
};
