// Opportunities, lead conversion and 营销战役 campaigns (#5).
export const sales = {
  "sales.title": "sales",
};
