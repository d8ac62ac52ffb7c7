import { describe, expect, it } from "vitest";
import { cardSections, htmlTables } from "@/lib/evidence/card-document";

// shapes of real Hub cards (see tests/fixtures/SOURCES.md, "Card shapes"); the prose is ours
const headings = (card: string) => cardSections(card).map((s) => s.heading);
const section = (card: string, heading: string) => cardSections(card).find((s) => s.heading === heading);

describe("card sections", () => {
  it("reads ATX and setext headings, and none inside code fences of either kind", () => {
    const card =
      "---\nlicense: apache-2.0\n---\nBERT Miniatures\n===\n\nSmall models.\n\nHow to use\n----------\n```\n# not a heading\n```\n~~~python\n## nor this\n~~~\n## Results\n";
    expect(headings(card)).toEqual(["BERT Miniatures", "How to use", "Results"]);
    expect(section(card, "How to use")?.codeBlocks).toBe(2);
  });

  it("keeps a fence that shows another fence as one block", () => {
    const card = "## Usage\n````markdown\n```python\nprint(1)\n```\n# still inside\n````\n## After\ntext";
    expect(headings(card)).toEqual(["Usage", "After"]);
    expect(section(card, "Usage")?.codeBlocks).toBe(1);
  });

  it("gives a section its subsections' tables, and keeps text before the first heading", () => {
    const card = "Intro text before any heading.\n\n## Evaluation\n### Base model\n| Task | Score |\n|---|---|\n| MMLU | 60 |\n## Citation\n";
    const sections = cardSections(card);
    expect(sections.map((s) => [s.heading, s.depth, s.tables.length])).toEqual([
      ["", 0, 0],
      ["Evaluation", 2, 1],
      ["Base model", 3, 1],
      ["Citation", 2, 0],
    ]);
    expect(sections[0]?.text).toBe("Intro text before any heading.");
  });

  it("reads GFM tables without outer pipes", () => {
    const card =
      "## Benchmarks\n\nLanguage | ROUGE-1 / ROUGE-2 / ROUGE-L\n---------|----------------------------\nAmharic | 20.0 / 7.4 / 18.0\nArabic | 34.9 / 14.7 / 29.1\n";
    expect(section(card, "Benchmarks")?.tables).toEqual([{ header: ["Language", "ROUGE-1 / ROUGE-2 / ROUGE-L"], rows: 2, firstColumn: ["Amharic", "Arabic"] }]);
  });

  it("reads HTML tables, with <th> headers or without", () => {
    const card =
      "## Models\n<table>\n<thead>\n<tr>\n<th>Model</th>\n<th>Context window</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>6B</td>\n<td>4K</td>\n</tr>\n<tr><td>34B</td><td>4K</td></tr>\n</tbody>\n</table>\n";
    expect(section(card, "Models")?.tables).toEqual([{ header: ["Model", "Context window"], rows: 2, firstColumn: ["6B", "34B"] }]);
    expect(htmlTables("<table><tr><td>Task</td><td>Acc</td></tr><tr><td>ARC</td><td>50</td></tr></table>")).toEqual([
      { header: ["Task", "Acc"], rows: 1, firstColumn: ["ARC"] },
    ]);
  });

  it("treats a <details> summary as a section nested in the heading around it", () => {
    const card =
      "## Evaluation\n\nSee below.\n\n<details>\n<summary><b>Base model results</b></summary>\n\n| Benchmark | Score |\n|---|---|\n| GSM8K | 40 |\n\n</details>\n\nAfter the box.\n\n## Limitations\nNone known.";
    const sections = cardSections(card);
    expect(sections.map((s) => [s.heading, s.depth])).toEqual([
      ["Evaluation", 2],
      ["Base model results", 7],
      ["Limitations", 2],
    ]);
    expect(sections[1]?.tables).toHaveLength(1);
    expect(sections[1]?.text).not.toContain("After the box");
    expect(sections[0]?.text).toContain("After the box");
  });

  it("collects Markdown and HTML images", () => {
    const card =
      '## Performance\n![benchmark chart](assets/eval.png)\n\n<p align="center"><img src="https://example.org/r.png" alt="results" width="600"/></p>\n';
    expect(section(card, "Performance")?.images).toEqual([
      { url: "assets/eval.png", alt: "benchmark chart" },
      { url: "https://example.org/r.png", alt: "results" },
    ]);
  });

  it("reads nested lists as text of their section", () => {
    const card = "## Training data\n- Web text\n  - CommonCrawl, filtered\n  - Wikipedia\n- Code\n";
    expect(section(card, "Training data")?.text).toContain("CommonCrawl, filtered");
  });

  it("parses a card of unclosed HTML rows and pipe runs without failing", () => {
    const card = `${"<table><tr>".repeat(20_000)}\n${"| a ".repeat(20_000)}\n`;
    expect(cardSections(card).length).toBeLessThanOrEqual(1);
  });
});
