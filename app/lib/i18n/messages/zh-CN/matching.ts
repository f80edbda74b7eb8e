// Fuzzy contact matching and the 'find this person' box (#6).
export const matching = {
  "matching.title": "matching",
};
