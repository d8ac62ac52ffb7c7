import { buildContext } from "./context";
import type { ReleaseFacts } from "./facts";
import { EVIDENCE_RULES } from "./rules";
import type { ComponentVerdict } from "./verdict";

export type FactKey = keyof ReleaseFacts;

/** Facts gathered so far; the pending ones hold placeholders until their round answers. */
export interface PartialFacts {
  readonly facts: ReleaseFacts;
  readonly pending: ReadonlySet<FactKey>;
}

/**
 * The verdicts that can no longer change as the pending facts arrive. Each rule runs on facts that note what it
 * reads; a rule is a pure function of what it reads, so one that read no pending fact decides the same on the
 * complete facts.
 */
export function settledVerdicts({ facts, pending }: PartialFacts): Map<number, ComponentVerdict> {
  const settled = new Map<number, ComponentVerdict>();
  for (const [cid, rule] of Object.entries(EVIDENCE_RULES)) {
    let readPending = false;
    const watched = new Proxy(facts, {
      get(target, key, receiver) {
        readPending ||= pending.has(key as FactKey);
        return Reflect.get(target, key, receiver);
      },
    });
    const verdict = rule(buildContext(watched));
    if (!readPending) {
      settled.set(Number(cid), verdict);
    }
  }
  return settled;
}
