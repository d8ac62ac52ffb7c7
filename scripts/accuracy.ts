import { accuracyText, runCorpus } from "../tests/helpers/corpus";

// `npm run accuracy`: audits the golden corpus against its fixtures and prints the agreement, component by component
const rows = await runCorpus();
console.log(accuracyText(rows));
process.exit(rows.every((r) => r.expected === r.got) ? 0 : 1);
