import type { ComponentClaim } from "@/lib/claims";
import { CLASS_NAMES, componentByCid } from "@/lib/mof/components";
import { classTitle, statusView } from "@/lib/report/display";
import { isDisagreement, VerdictPill } from "./verdict-pill";

export interface ClaimsTableProps {
  components: readonly ComponentClaim[];
}

function Claimed({ claim }: { claim: ComponentClaim }) {
  if (!claim.claimed.listed) {
    return <span className="text-zinc-600 dark:text-zinc-400">Not listed</span>;
  }
  return (
    <>
      Listed
      {claim.claimed.license ? (
        <span className="block font-mono text-xs [overflow-wrap:anywhere]">{claim.claimed.license}</span>
      ) : (
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">no licence</span>
      )}
    </>
  );
}

function Found({ claim }: { claim: ComponentClaim }) {
  const spec = componentByCid(claim.cid);
  const view = statusView({ status: claim.found.status, required: spec?.required ?? true });
  const first = claim.found.evidence[0];
  return (
    <>
      {view.label}
      {claim.found.license ? <span className="block font-mono text-xs [overflow-wrap:anywhere]">{claim.found.license}</span> : null}
      {first && /^https?:\/\//.test(first.url) ? (
        <a href={first.url} className="link block text-xs break-words" rel="noopener noreferrer nofollow">
          {first.what}
        </a>
      ) : null}
    </>
  );
}

/** Claim | evidence | verdict for all 17 components; the rows where they disagree are tinted and say so. */
export function ClaimsTable({ components }: ClaimsTableProps) {
  const cell = "border-b border-zinc-200 px-2 py-2 align-top sm:px-3 dark:border-zinc-800";
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm sm:table-auto" data-testid="claims-table">
      <caption className="sr-only">Each MOF component as the MOT record claims it and as the audit found it</caption>
      <thead>
        <tr className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          <th scope="col" className={`${cell} w-[36%] sm:w-auto`}>
            Component<span className="sm:hidden"> and verdict</span>
          </th>
          <th scope="col" className={`${cell} w-[24%] sm:w-auto`}>
            MOT record claims
          </th>
          <th scope="col" className={`${cell} [overflow-wrap:anywhere] sm:[overflow-wrap:normal]`}>
            Evidence found
          </th>
          <th scope="col" className={`${cell} hidden sm:table-cell`}>
            Verdict
          </th>
        </tr>
      </thead>
      <tbody>
        {components.map((claim) => {
          const spec = componentByCid(claim.cid);
          const differs = isDisagreement(claim.verdict);
          return (
            <tr key={claim.cid} className={differs ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-testid="claim-row" data-verdict={claim.verdict}>
              <th scope="row" className={`${cell} font-medium`}>
                {claim.name}
                {spec ? (
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                    {classTitle(spec.class)} · {CLASS_NAMES[spec.class]}
                  </span>
                ) : null}
                <span className="mt-1 block font-normal sm:hidden">
                  <VerdictPill verdict={claim.verdict} />
                </span>
              </th>
              <td className={cell}>
                <Claimed claim={claim} />
              </td>
              <td className={`${cell} break-words`}>
                <Found claim={claim} />
              </td>
              <td className={`${cell} hidden sm:table-cell`}>
                <VerdictPill verdict={claim.verdict} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
