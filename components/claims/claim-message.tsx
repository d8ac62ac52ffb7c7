import { messageParts } from "@/lib/claims/message-parts";

export interface ClaimMessageProps {
  message: string;
}

/** A sentence for the producer, with its evidence links clickable. */
export function ClaimMessage({ message }: ClaimMessageProps) {
  return (
    <>
      {messageParts(message).map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.url} className="link break-all" rel="noopener noreferrer nofollow">
            {part.label}
          </a>
        ) : part.kind === "code" ? (
          <code key={index} className="font-mono text-[0.85em]">
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
