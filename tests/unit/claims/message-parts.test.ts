import { describe, expect, it } from "vitest";
import { linkLabel, messageParts } from "@/lib/claims/message-parts";

describe("messageParts", () => {
  it("turns the wording's <url> into a link labelled by host and path", () => {
    expect(
      messageParts(
        "Your MOT record claims Training code under MIT; the GitHub licence detection of EleutherAI/gpt-neox says Apache-2.0 <https://github.com/EleutherAI/gpt-neox#license>.",
      ),
    ).toEqual([
      { kind: "text", text: "Your MOT record claims Training code under MIT; the GitHub licence detection of EleutherAI/gpt-neox says Apache-2.0 " },
      { kind: "link", url: "https://github.com/EleutherAI/gpt-neox#license", label: "github.com/EleutherAI/gpt-neox#license" },
      { kind: "text", text: "." },
    ]);
  });

  it("keeps backticked field names as code and handles several links", () => {
    expect(messageParts("the dataset card `license` of a/b says X <http://h/1/>; c says Y <https://h/2>").map((p) => p.kind)).toEqual([
      "text",
      "code",
      "text",
      "link",
      "text",
      "link",
    ]);
  });

  it("links a bare URL in brackets without its bracket or full stop", () => {
    expect(messageParts("named in the model card's model-index (https://huggingface.co/allenai/OLMo-7B).")).toEqual([
      { kind: "text", text: "named in the model card's model-index (" },
      { kind: "link", url: "https://huggingface.co/allenai/OLMo-7B", label: "huggingface.co/allenai/OLMo-7B" },
      { kind: "text", text: ")." },
    ]);
  });

  it("leaves a sentence without links as one text part, and never links a non-http target", () => {
    expect(messageParts("Add it to the record.")).toEqual([{ kind: "text", text: "Add it to the record." }]);
    expect(messageParts("see <javascript:alert(1)>")).toEqual([{ kind: "text", text: "see <javascript:alert(1)>" }]);
  });
});

describe("linkLabel", () => {
  it("elides the middle of a long path, keeping the file", () => {
    expect(linkLabel("https://huggingface.co/datasets/allenai/dolma/blob/72b03b758db2b2e6bbf648360749d860adc90a67/README.md")).toBe(
      "huggingface.co/datasets/allenai/dolma/…/README.md",
    );
    expect(linkLabel("https://arxiv.org/abs/2402.00838")).toBe("arxiv.org/abs/2402.00838");
  });
});
