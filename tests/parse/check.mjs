// Parses every PowerShell file in the repository, the ```powershell blocks of README.md and
// examples/*.md, and the examples in the generated help, with the tree-sitter PowerShell grammar.
// Reports syntax errors, and RotationOps cmdlets or parameters that the built module lacks.
// Prints one line per file and ends with "N passed, N failed". Usage: node check.mjs [repo-root]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParser, parsePowerShell, commandUses, manifestStrings } from './lib/powershell.mjs';
import { CommandSurface } from './lib/surface.mjs';
import { powerShellFiles, markdownFiles, fencedBlocks, helpExamples } from './lib/sources.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const SURFACE_FILE = 'out/command-surface.json';
const HELP_FILE = 'out/RotationOps/en-US/RotationOps.dll-Help.xml';

const parser = await createParser();
const read = (relative) => fs.readFileSync(path.join(root, relative), 'utf8').replace(/^\uFEFF/, '');

let passed = 0;
let failed = 0;
let checkedUses = 0;

function report(label, problems) {
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok   ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}`);
    for (const problem of problems) console.log(`       ${problem}`);
  }
}

const surface = loadSurface();

const units = [
  ...powerShellFiles(root).map((file) => ({ label: file, pieces: [{ file, lineOffset: 0, code: read(file) }] })),
  ...markdownFiles(root).map((file) => ({
    label: file,
    pieces: fencedBlocks(read(file)).map((b) => ({ file, lineOffset: b.firstLine - 1, code: b.code })),
  })),
  ...(fs.existsSync(path.join(root, HELP_FILE))
    ? [{ label: HELP_FILE, pieces: helpExamples(read(HELP_FILE)).map((e) => ({ file: e.label, lineOffset: 0, code: e.code })) }]
    : []),
].filter((unit) => unit.pieces.length > 0);

for (const unit of units) {
  report(unit.label, unit.pieces.flatMap((piece) => {
    const { tree, problems } = parsePowerShell(parser, piece.code);
    const uses = surface ? commandUses(tree).filter((u) => surface.owns(u.name)) : [];
    checkedUses += uses.length;
    return [...problems, ...uses.flatMap((u) => surface.check(u))]
      .map((p) => `${piece.file}:${p.line + piece.lineOffset}:${p.column}: ${p.message}`);
  }));
}

console.log(`Checked ${checkedUses} uses of RotationOps cmdlets against ${SURFACE_FILE}.`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

/** The built module's commands; without them only syntax is checked, and that is a failure. */
function loadSurface() {
  if (!fs.existsSync(path.join(root, SURFACE_FILE))) {
    report(SURFACE_FILE, [`${SURFACE_FILE}: missing; run dotnet build first (src/RotationOps writes it)`]);
    return null;
  }
  const exported = manifestStrings(parser.parse(read('RotationOps.psd1')), 'CmdletsToExport');
  return new CommandSurface(JSON.parse(read(SURFACE_FILE)), exported);
}
