// One name for class joining across the UI; clsx drops falsy parts so conditions read inline.
export { clsx as cn } from "clsx";
