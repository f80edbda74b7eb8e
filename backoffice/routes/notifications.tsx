// Placeholder: filled in by the lead-intake work.
export default function Page() {
  return null;
}
