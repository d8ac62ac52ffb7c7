import { benchEngine } from "./engine";

// each section prints its figures side by side; sections that need servers start and stop them themselves
const sections: [string, () => Promise<Record<string, string | number>> | Record<string, string | number>][] = [["engine", benchEngine]];

for (const [name, run] of sections) {
  const figures = await run();
  console.log(`\n## ${name}`);
  console.table(figures);
}
