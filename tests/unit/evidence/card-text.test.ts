import { describe, expect, it } from "vitest";
import { arxivIds, githubRepoLinks, hasRealContent, slugify } from "@/lib/evidence/card-text";
import { LONG_CARD } from "@/tests/helpers/facts";

describe("card text", () => {
  it("tells a written card from the auto-generated template", () => {
    expect(hasRealContent(LONG_CARD)).toBe(true);
    const template = `# Model Card\n\nThis is the model card of a 🤗 transformers model that has been pushed on the Hub. This model card has been automatically generated.\n${"- [More Information Needed]\n".repeat(10)}`;
    expect(hasRealContent(template)).toBe(false);
    expect(hasRealContent("---\nlicense: mit\n---\n# Hi\n")).toBe(false);
  });

  it("slugs headings like GitHub", () => {
    expect(slugify("B: Results!")).toBe("b-results");
    expect(slugify("🟣 Training Data")).toBe("-training-data");
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
