export const memberAdmin = {} as const;
