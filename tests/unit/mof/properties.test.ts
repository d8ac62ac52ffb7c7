import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MofComponentEntry } from "@/lib/mof";
import { assess, COMPONENTS, parseMofYaml, toMofYaml } from "@/lib/mof";
import { makeRecord } from "@/tests/helpers/records";

const licenses = ["MIT", "Apache-2.0", "CC-BY-4.0", "CDLA-Permissive-2.0", "unlicensed", "", "CC-BY-NC-4.0", "llama2", "Apache 2.0"];
const entryArb: fc.Arbitrary<MofComponentEntry> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...COMPONENTS.map((c) => c.name)), fc.string({ maxLength: 12 })),
    license: fc.constantFrom(...licenses),
  },
  { requiredKeys: ["name"] },
);
const globalArb = fc.record(
  { distribution: fc.record({ name: fc.constantFrom(...licenses) }), code: fc.record({ name: fc.constantFrom(...licenses) }) },
  { requiredKeys: [] },
);
const recordArb = fc.tuple(fc.array(entryArb, { maxLength: 17 }), globalArb).map(([entries, global]) => makeRecord(entries, global));
// MOT rejects a file whose component list is empty, so only non-empty records can round-trip through YAML
const listedRecordArb = fc.tuple(fc.array(entryArb, { minLength: 1, maxLength: 17 }), globalArb).map(([e, g]) => makeRecord(e, g));
const runs = { numRuns: 500 };

describe("engine invariants", () => {
  it("licensing one more required component openly never lowers the class", () => {
    fc.assert(
      fc.property(recordArb, fc.constantFrom(...COMPONENTS.filter((c) => c.required)), (record, spec) => {
        const before = assess(record);
        const entries = record.release.components.filter((e) => e.name !== spec.name).concat({ name: spec.name, license: "Apache-2.0" });
        const after = assess({ ...record, release: { ...record.release, components: entries } });
        const rank = (c: number) => (c === 0 ? 4 : c);
        expect(rank(after.class)).toBeLessThanOrEqual(rank(before.class));
      }),
      runs,
    );
  });

  it("Class I implies Class II and III at 100%, and every class is the best one at 100%", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const { class: cls, progress } = assess(record);
        if (cls === 1) {
          expect([progress[2], progress[3]]).toEqual([100, 100]);
        }
        const best = ([1, 2, 3] as const).find((c) => progress[c] === 100) ?? 0;
        expect(cls).toBe(best);
      }),
      runs,
    );
  });

  it("keeps progress within 0–100 and gates lower classes", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const { progress } = assess(record);
        for (const p of Object.values(progress)) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
        if (progress[3] < 100) {
          expect([progress[2], progress[1]]).toEqual([0, 0]);
        }
      }),
      runs,
    );
  });

  it("puts every required component in exactly one bucket per class", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const { buckets } = assess(record);
        for (const cls of [1, 2, 3] as const) {
          const b = buckets[cls];
          const placed = [...b.included, ...b.missing, ...b.invalid, ...b.unlicensed];
          expect(new Set(placed).size).toBe(placed.length);
        }
      }),
      runs,
    );
  });

  it("round-trips through MOT YAML to the same class and progress", () => {
    fc.assert(
      fc.property(listedRecordArb, (record) => {
        const again = parseMofYaml(toMofYaml(record));
        expect(again.ok).toBe(true);
        if (again.ok) {
          const [a, b] = [assess(record), assess(again.record)];
          expect([b.class, b.progress]).toEqual([a.class, a.progress]);
        }
      }),
      runs,
    );
  });

  it("never throws on arbitrary YAML text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(() => parseMofYaml(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
