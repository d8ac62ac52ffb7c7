/**
 * One line for a process that cannot start on its storage: the error's message, flattened, with the password of
 * DATABASE_URL masked wherever it shows (the messages are written not to contain it; this is the belt to those braces).
 */
export function startupMessage(error: unknown, env: Record<string, string | undefined> = process.env): string {
  let line = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  for (const secret of passwordsIn(env.DATABASE_URL)) {
    line = line.split(secret).join("***");
  }
  return line;
}

const MASKED_LENGTH = 6;

function passwordsIn(url: string | undefined): string[] {
  if (!url) {
    return [];
  }
  try {
    const { password, searchParams } = new URL(url);
    // a very short password would mask pieces of ordinary words ("p" in "open"); no message names one anyway
    return [password, safeDecode(password), searchParams.get("password") ?? ""].filter((p) => p.length >= MASKED_LENGTH);
  } catch {
    // a URL that does not parse is never echoed whole, so nothing of it can leak
    return [];
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
