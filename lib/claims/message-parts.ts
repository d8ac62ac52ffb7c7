/** A piece of a claims sentence: plain text, a `code` span, or a link (in angle brackets, or a bare URL). */
export type MessagePart = { kind: "text"; text: string } | { kind: "code"; text: string } | { kind: "link"; url: string; label: string };

// <url> as the wording writes evidence, a `field name`, or a bare URL (not its closing bracket or full stop)
const TOKEN = /<(https?:\/\/[^\s<>]+)>|`([^`]+)`|(https?:\/\/[^\s<>()]*[^\s<>().,;:])/g;

/** A link's visible text: host and path without the scheme, the middle of a long path elided. */
export function linkLabel(url: string): string {
  const bare = url.replace(/^https?:\/\//, "").replace(/\/$/, "");
  const [path = "", fragment] = bare.split("#");
  const segments = path.split("/");
  const short = segments.length > 5 ? [...segments.slice(0, 4), "…", segments[segments.length - 1]].join("/") : path;
  return fragment === undefined ? short : `${short}#${fragment}`;
}

/** Splits a sentence from lib/claims wording into text, code and links, so a page can render the links as anchors. */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of message.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) {
      parts.push({ kind: "text", text: message.slice(last, index) });
    }
    const url = match[1] ?? match[3];
    parts.push(url !== undefined ? { kind: "link", url, label: linkLabel(url) } : { kind: "code", text: match[2] ?? "" });
    last = index + match[0].length;
  }
  if (last < message.length) {
    parts.push({ kind: "text", text: message.slice(last) });
  }
  return parts;
}
