import { describe, expect, it } from "vitest";
import { arxivIds, cardSections, githubRepoLinks, hasRealContent, hasTable, slugify } from "@/lib/evidence/card-text";
import { LONG_CARD } from "@/tests/helpers/facts";

describe("card text", () => {
  it("tells a written card from the auto-generated template", () => {
    expect(hasRealContent(LONG_CARD)).toBe(true);
    const template = `# Model Card\n\nThis is the model card of a 🤗 transformers model that has been pushed on the Hub. This model card has been automatically generated.\n${"- [More Information Needed]\n".repeat(10)}`;
    expect(hasRealContent(template)).toBe(false);
    expect(hasRealContent("---\nlicense: mit\n---\n# Hi\n")).toBe(false);
  });

  it("splits sections by heading, ignoring headings inside code fences", () => {
    const sections = cardSections("# A\ntext\n```\n# not a heading\n```\n## B: Results!\nmore");
    expect(sections.map((s) => s.heading)).toEqual(["A", "B: Results!"]);
    expect(sections[1]?.slug).toBe("b-results");
    expect(slugify("🟣 Training Data")).toBe("-training-data");
  });

  it("finds Markdown and HTML tables", () => {
    expect(hasTable("| a | b |\n|---|---|\n| 1 | 2 |")).toBe(true);
    expect(hasTable("<table><tr><td>1</td></tr></table>")).toBe(true);
    expect(hasTable("a | b")).toBe(false);
  });

  it("collects GitHub repositories once each, without issue or file paths", () => {
    const text = "see https://github.com/acme/train and github.com/acme/train/blob/main/x.py and https://github.com/acme/eval.git.";
    expect(githubRepoLinks(text)).toEqual(["acme/train", "acme/eval"]);
  });

  it("collects arXiv ids from links, mentions and BibTeX", () => {
    const text = "https://arxiv.org/abs/2402.00838v2 arXiv:2304.01373 eprint={2312.06550} https://huggingface.co/papers/2310.06825";
    expect(arxivIds(text).sort()).toEqual(["2304.01373", "2310.06825", "2312.06550", "2402.00838"]);
  });
});
