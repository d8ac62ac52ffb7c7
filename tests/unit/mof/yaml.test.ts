import { describe, expect, it } from "vitest";
import { assess, parseMofYaml, toMofYaml } from "@/lib/mof";
import { conformanceRecords } from "@/tests/helpers/conformance";

const valid = `framework:
  name: 'Model Openness Framework'
  version: '1.0'
  date: '2024-12-15'
release:
  name: Tiny
  date: '2025-03-01'
  producer: Acme
  license:
    distribution:
      name: Apache-2.0
      path: ''
  components:
    - name: 'Model card'
      description: 'Model details'
    - name: 'Model parameters (Final)'
      license: unlicensed
`;

function errorsOf(text: string) {
  const result = parseMofYaml(text);
  if (result.ok) {
    throw new Error("expected a parse error");
  }
  return result.errors;
}

describe("parseMofYaml", () => {
  it("parses a valid record", () => {
    const result = parseMofYaml(valid);
    expect(result.ok && result.record.release.components).toHaveLength(2);
  });

  it("reports a YAML syntax error with its line", () => {
    const [error] = errorsOf("framework:\n  name: [unclosed\nrelease: {}\n");
    expect(error?.line).toBeGreaterThanOrEqual(2);
  });

  it("names the path and line of a field with the wrong type", () => {
    const errors = errorsOf(valid.replace("license: unlicensed", "license: 2"));
    expect(errors).toEqual([expect.objectContaining({ path: "release.components[1].license", line: 17 })]);
    expect(errors[0]?.message).toContain("quote it");
  });

  it("names a missing required field at its parent's line", () => {
    const errors = errorsOf(valid.replace("  producer: Acme\n", ""));
    expect(errors).toEqual([expect.objectContaining({ path: "release.producer", line: 6, message: "is required" })]);
  });

  it("refuses an unquoted date as MOT's parser does", () => {
    const errors = errorsOf(valid.replace("date: '2025-03-01'", "date: 2025-03-01"));
    expect(errors[0]).toMatchObject({ path: "release.date", line: 7 });
    expect(errors[0]?.message).toContain("unquoted date");
  });

  it("refuses a date that is not on the calendar", () => {
    expect(errorsOf(valid.replace("'2025-03-01'", "'2025-02-30'"))[0]).toMatchObject({ path: "release.date", message: "must be a date written YYYY-MM-DD" });
    for (const date of ["2023-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "2025-3-1", "2025-03-01T00:00:00Z"]) {
      expect(errorsOf(valid.replace("'2025-03-01'", `'${date}'`))[0]?.path, date).toBe("release.date");
    }
    for (const date of ["2024-02-29", "2000-02-29", "2025-12-31"]) {
      expect(parseMofYaml(valid.replace("'2025-03-01'", `'${date}'`)).ok, date).toBe(true);
    }
  });

  it("refuses an empty component list, which MOT turns into an object", () => {
    const text = `${valid.slice(0, valid.indexOf("  components:"))}  components: []\n`;
    expect(errorsOf(text)[0]).toMatchObject({ path: "release.components" });
    expect(errorsOf(text)[0]?.message).toContain("at least one component");
  });

  it("accepts an empty global licence list, which MOT turns into an empty map", () => {
    const text = valid.replace(/ {2}license:\n {4}distribution:\n {6}name: Apache-2.0\n {6}path: ''\n/, "  license: []\n");
    expect(parseMofYaml(text).ok).toBe(true);
  });

  it("refuses more than 17 components", () => {
    const many = Array.from({ length: 18 }, () => "    - name: Datasets\n").join("");
    expect(errorsOf(valid.replace(/ {2}components:[\s\S]*$/, `  components:\n${many}`))[0]?.path).toBe("release.components");
  });

  it("refuses an alias bomb", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) {
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    }
    expect(parseMofYaml(bomb.join("\n")).ok).toBe(false);
  });

  it("refuses a file over the size limit without parsing it", () => {
    expect(errorsOf(`# ${"x".repeat(300 * 1024)}\n`)[0]?.message).toContain("larger than");
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["", "---", "[]", "42", "~", "framework: null", "release:\n  components:\n    - 7", "\u0000\u0001", "a: *nope"]) {
      expect(() => parseMofYaml(text)).not.toThrow();
      expect(parseMofYaml(text).ok).toBe(false);
    }
  });
});

describe("toMofYaml", () => {
  it("writes components in MOT's weight order and `unlicensed` for a blank licence", () => {
    const result = parseMofYaml(valid.replace("license: unlicensed", "license: ''"));
    if (!result.ok) {
      throw new Error("fixture does not parse");
    }
    const yaml = toMofYaml(result.record);
    expect(yaml.indexOf("Model parameters (Final)")).toBeLessThan(yaml.indexOf("Model card"));
    expect(yaml).toContain("license: 'unlicensed'");
    expect(yaml).toContain("date: '2025-03-01'");
  });

  it.each(conformanceRecords())("round-trips $path to the same assessment", ({ text }) => {
    const first = parseMofYaml(text);
    if (!first.ok) {
      throw new Error("record does not parse");
    }
    const second = parseMofYaml(toMofYaml(first.record));
    expect(second.ok).toBe(true);
    if (second.ok) {
      const { components: a, warnings: wa, ...restA } = assess(first.record);
      const { components: b, warnings: wb, ...restB } = assess(second.record);
      expect(restB).toEqual(restA);
      expect(b.map((c) => [c.cid, c.status, c.license])).toEqual(a.map((c) => [c.cid, c.status, c.license]));
      expect(wb.map((w) => w.code).sort()).toEqual(wa.map((w) => w.code).sort());
    }
  });
});
