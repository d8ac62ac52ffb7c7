import { CLASS_NAMES } from "@/lib/mof/components";
import { classTitle } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";
import { InlineCode } from "./inline-code";

export interface NextStepsProps {
  next: Report["next"];
}

const ACTION: Record<string, string> = {
  missing: "publish it",
  unlicensed: "add a licence",
  invalid: "release it under an open licence",
};

/** What the producer must do to reach the next class, one action per component, as concrete as the audit can say. */
export function NextSteps({ next }: NextStepsProps) {
  if (next === null) {
    return (
      <p className="text-sm">
        This release meets the highest class, {classTitle(1)} ({CLASS_NAMES[1]}).
      </p>
    );
  }
  return (
    <div>
      <h3 className="font-semibold">
        What is missing for {classTitle(next.class)} ({CLASS_NAMES[next.class]})
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="next-steps">
        {next.items.map((item) => (
          <li key={item.cid}>
            <span className="font-medium">{item.name}</span>: {item.fix ? <InlineCode text={item.fix} /> : (ACTION[item.status] ?? item.status)}
            {item.license && item.status === "invalid" && item.fix === null ? (
              <>
                {" "}
                (now <code className="font-mono">{item.license}</code>)
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
