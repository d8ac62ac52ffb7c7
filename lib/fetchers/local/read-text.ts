import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { join } from "node:path";
import { FolderError } from "./errors";
import { isInside } from "./walk";

/** Bytes read from a folder so far; the audit reads cards and small JSON only, and tests hold it to that. */
export interface ReadCounter {
  bytes: number;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads one listed file as UTF-8 text, refusing a file above `cap` bytes, binary content, and anything that is not a
 * regular file inside the folder. Opened without following links and without blocking, so a FIFO cannot hang it.
 */
export async function readFolderText(root: string, path: string, cap: number, counter: ReadCounter): Promise<string> {
  let real: string;
  try {
    real = await realpath(join(root, ...path.split("/")));
  } catch {
    throw new FolderError("unreadable", `${path} cannot be read`);
  }
  if (!isInside(root, real)) {
    throw new FolderError("symlink_escape", `${path} leads outside the release folder; mofscope reads nothing outside it`);
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new FolderError("unreadable", `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "EIO"})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new FolderError("unreadable", `${path} is not a regular file`);
    }
    if (info.size > cap) {
      throw new FolderError("too_large", `${path} is ${kib(info.size)}; mofscope reads it only up to ${kib(cap)}`);
    }
    // read at most cap + 1 bytes, so a file growing while it is read is still caught
    const buffer = Buffer.alloc(Math.min(info.size, cap) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    counter.bytes += length;
    if (length > cap) {
      throw new FolderError("too_large", `${path} is larger than ${kib(cap)}; mofscope reads it only up to that`);
    }
    const bytes = buffer.subarray(0, length);
    if (bytes.includes(0)) {
      throw new FolderError("not_text", `${path} holds binary data, not UTF-8 text`);
    }
    try {
      return decoder.decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new FolderError("not_text", `${path} is not UTF-8 text`);
    }
  } finally {
    await handle.close();
  }
}
