import { useSpaceId } from "../../layout/use-space";
import { PlaygroundView } from "./playground/playground-view";

export function PlaygroundPage() {
  return <PlaygroundView spaceId={useSpaceId()} />;
}
