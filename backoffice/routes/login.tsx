import { useLoaderData } from "react-router";
export function loader() {
  return { hello: "login" };
}
export default function Home() {
  const data = useLoaderData<typeof loader>();
  return <p>{data.hello}</p>;
}
