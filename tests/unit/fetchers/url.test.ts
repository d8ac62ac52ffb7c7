import { describe, expect, it } from "vitest";
import { parseModelUrl } from "@/lib/fetchers/url";

const hf = (id: string, revision: string | null = null) => ({ source: "hf", id, revision });
const gh = (owner: string, repo: string) => ({ source: "github", owner, repo });

const accepted: [string, unknown][] = [
  ["https://huggingface.co/acme/tiny", hf("acme/tiny")],
  ["http://huggingface.co/acme/tiny/", hf("acme/tiny")],
  ["huggingface.co/acme/tiny", hf("acme/tiny")],
  ["https://www.huggingface.co/acme/tiny", hf("acme/tiny")],
  ["https://hf.co/acme/tiny", hf("acme/tiny")],
  ["hf.co/acme/tiny", hf("acme/tiny")],
  ["HTTPS://HuggingFace.co/acme/Tiny-1.5B", hf("acme/Tiny-1.5B")],
  ["  https://huggingface.co/acme/tiny  ", hf("acme/tiny")],
  ["https://huggingface.co/acme/tiny?library=transformers#usage", hf("acme/tiny")],
  ["https://huggingface.co/acme/tiny/tree/main", hf("acme/tiny", "main")],
  ["https://huggingface.co/acme/tiny/tree/step100-tokens1B/checkpoints", hf("acme/tiny", "step100-tokens1B")],
  ["https://huggingface.co/acme/tiny/tree", hf("acme/tiny")],
  ["https://huggingface.co/acme/tiny/blob/v1.0/config.json", hf("acme/tiny", "v1.0")],
  ["https://huggingface.co/acme/tiny/resolve/main/model.safetensors?download=true", hf("acme/tiny", "main")],
  ["https://huggingface.co/acme/tiny/raw/main/README.md", hf("acme/tiny", "main")],
  ["https://huggingface.co/acme/tiny/tree/refs%2Fpr%2F1", hf("acme/tiny", "refs/pr/1")],
  ["https://huggingface.co/acme/tiny/tree/refs/pr/7/sub", hf("acme/tiny", "refs/pr/7")],
  ["https://huggingface.co/acme/tiny/commit/1111111111111111111111111111111111111111", hf("acme/tiny", "1111111111111111111111111111111111111111")],
  ["https://huggingface.co/acme/tiny/discussions/3", hf("acme/tiny")],
  ["https://huggingface.co/models/acme/tiny", hf("acme/tiny")],
  ["https://huggingface.co/api/models/acme/tiny", hf("acme/tiny")],
  ["acme/tiny", hf("acme/tiny")],
  ["acme/tiny@v1.0", hf("acme/tiny", "v1.0")],
  ["models/acme/tiny", hf("acme/tiny")],
  ["hf://acme/tiny@main", hf("acme/tiny", "main")],
  ["https://github.com/acme/tiny-train", gh("acme", "tiny-train")],
  ["github.com/acme/tiny-train", gh("acme", "tiny-train")],
  ["https://www.github.com/acme/tiny-train/", gh("acme", "tiny-train")],
  ["https://github.com/acme/tiny-train.git", gh("acme", "tiny-train")],
  ["https://github.com/acme/tiny-train/tree/main/train", gh("acme", "tiny-train")],
  ["https://github.com/acme/tiny-train/blob/main/README.md#L3", gh("acme", "tiny-train")],
  ["git@github.com:acme/tiny-train.git", gh("acme", "tiny-train")],
  ["git+https://github.com/acme/tiny-train.git", gh("acme", "tiny-train")],
  ["https://api.github.com/repos/acme/tiny-train", gh("acme", "tiny-train")],
  ["https://raw.githubusercontent.com/acme/tiny-train/main/README.md", gh("acme", "tiny-train")],
];

const refused: [string | unknown, string, RegExp?][] = [
  ["", "invalid_input"],
  ["   ", "invalid_input"],
  [42, "invalid_input"],
  [null, "invalid_input"],
  [`https://huggingface.co/acme/${"a".repeat(2100)}`, "invalid_input", /2 KB/],
  ["https://huggingface.co/datasets/acme/tiny-corpus", "dataset", /this is a dataset, mofscope audits models; the dataset is acme\/tiny-corpus/],
  ["datasets/acme/tiny-corpus", "dataset"],
  ["https://huggingface.co/api/datasets/acme/tiny-corpus", "dataset"],
  ["https://huggingface.co/spaces/acme/demo", "space", /Space/],
  ["https://huggingface.co/acme", "user_page", /user or organisation page/],
  ["https://huggingface.co/gpt2", "user_page"],
  ["https://huggingface.co/papers/2401.00001", "paper", /2401\.00001/],
  ["https://huggingface.co/docs/hub/index", "reserved_path"],
  ["https://huggingface.co/blog/open-models", "reserved_path"],
  ["https://huggingface.co/collections/acme/tiny-123", "reserved_path"],
  ["https://huggingface.co/models", "not_a_repo"],
  ["https://huggingface.co/", "not_a_repo"],
  ["https://arxiv.org/abs/2401.00001", "paper"],
  ["https://example.com/acme/tiny", "unsupported_host", /only huggingface\.co, hf\.co and github\.com URLs are accepted/],
  ["https://huggingface.co.evil.com/acme/tiny", "unsupported_host"],
  ["https://gitlab.com/acme/tiny", "unsupported_host"],
  ["https://gist.github.com/acme/abc123", "not_a_repo"],
  ["https://user:secret@huggingface.co/acme/tiny", "credentials"],
  ["https://token@github.com/acme/tiny-train", "credentials"],
  ["https://huggingface.co:8443/acme/tiny", "port"],
  ["localhost:3000/acme/tiny", "port"],
  ["http://127.0.0.1/acme/tiny", "ip_address"],
  ["127.0.0.1/acme/tiny", "ip_address"],
  ["http://[::1]/acme/tiny", "ip_address"],
  ["ftp://huggingface.co/acme/tiny", "unsupported_scheme"],
  ["javascript:alert(1)", "unsupported_scheme"],
  ["file:///etc/passwd", "unsupported_scheme"],
  ["https://github.com/acme", "user_page"],
  ["https://github.com/orgs/acme/repositories", "reserved_path"],
  ["https://github.com/", "not_a_repo"],
  ["https://huggingface.co/acme/-bad-", "invalid_id"],
  ["https://huggingface.co/acme/a..b", "invalid_id"],
  ["acme/tiny@", "invalid_id"],
  ["acme/tiny@a@b", "invalid_id"],
  ["https://huggingface.co/acme/tiny/tree/..%2F..%2Fsecret", "invalid_id"],
  ["https://github.com/ac_me/tiny", "invalid_id"],
];

describe("parseModelUrl", () => {
  it.each(accepted)("accepts %s", (input, target) => {
    expect(parseModelUrl(input)).toEqual({ ok: true, target });
  });

  it.each(refused)("refuses %s with %s", (input, code, message) => {
    const result = parseModelUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    if (message) {
      expect(result.error.message).toMatch(message);
    }
  });

  it("never throws on arbitrary strings", () => {
    const inputs = ["%", "https://%zz", "@", "/", "a/b/c/d/e", "::", "https://", "git@github.com:", "\u0000/x"];
    for (const input of inputs) {
      expect(() => parseModelUrl(input)).not.toThrow();
    }
  });
});
