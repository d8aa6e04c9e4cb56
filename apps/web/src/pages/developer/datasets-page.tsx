import { useSpaceId } from "../../layout/use-space";
import { DatasetsView } from "./datasets/datasets-view";

export function DatasetsPage() {
  return <DatasetsView spaceId={useSpaceId()} />;
}
