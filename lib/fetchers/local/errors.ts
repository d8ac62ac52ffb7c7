/** Why a release folder cannot be audited; each message names the file and what to change. */
export type FolderErrorCode =
  | "not_found"
  | "not_a_folder"
  | "symlink_escape"
  | "too_many_files"
  | "too_deep"
  | "too_large"
  | "not_text"
  | "bad_front_matter"
  | "bad_json"
  | "unreadable";

/** A release folder mofscope refuses to read, or a file in it that breaks the rules a Hub upload would. */
export class FolderError extends Error {
  readonly code: FolderErrorCode;

  constructor(code: FolderErrorCode, message: string) {
    super(message);
    this.name = "FolderError";
    this.code = code;
  }
}

// a module loaded in two bundles has two FolderError classes, so match by name too
export function isFolderError(error: unknown): error is FolderError {
  return error instanceof FolderError || (error instanceof Error && error.name === "FolderError" && "code" in error);
}
