import { actionCommand } from "./action";
import { auditCommand } from "./audit";
import { classifyCommand } from "./classify";
import { indexCommand } from "./index-command";
import type { CliIo } from "./io";
import { EXIT, USAGE } from "./io";
import { workerCommand } from "./worker-command";

/** Dispatches `mofscope <command>`; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "classify":
        return await classifyCommand(rest, io);
      case "audit":
        return await auditCommand(rest, io);
      case "action":
        return await actionCommand(io);
      case "index":
        return await indexCommand(rest, io);
      case "worker":
        return await workerCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      default:
        io.stderr.write(`unknown command "${command}"\n\n${USAGE}`);
        return EXIT.badInput;
    }
  } catch (error) {
    // parseArgs throws on unknown flags; anything else is a bug worth a clear line, not a stack
    io.stderr.write(`mofscope: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.badInput;
  }
}
