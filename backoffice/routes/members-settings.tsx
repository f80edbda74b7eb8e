// Placeholder: filled in by the members work.
export default function Page() {
  return null;
}
