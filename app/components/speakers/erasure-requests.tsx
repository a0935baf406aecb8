// The dashboard's list of speakers waiting for their data to be erased (they asked from their page).
import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

export function ErasureRequests({ slug, requests }: { slug: string; requests: { uuid: string; publicName: string }[] }) {
  const t = useT();
  if (requests.length === 0) return null;
  return (
    <div className="alert alert-warning" data-testid="erasure-requests">
      <p>{t("rights.pendingRequests", { count: requests.length })}</p>
      <ul>
        {requests.map((r) => (
          <li key={r.uuid}>
            <Link to={`/editions/${slug}/speakers/${r.uuid}#speaker-rights`}>{r.publicName}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
