// The global search box and results (#6).
export const search = {
  "search.title": "search",
};
