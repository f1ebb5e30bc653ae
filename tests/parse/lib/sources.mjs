// What gets parsed: PowerShell files, ```powershell blocks in Markdown, and the examples in the
// generated help (Get-Help shows them, so they must run too).
import fs from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', 'out', 'bin', 'obj', 'TestResults']);
const POWERSHELL_FILE = /\.(ps1|psd1|psm1)$/i;
const FENCE = /^\s*```\s*(powershell|pwsh|ps1)\s*$/i;

/** Every PowerShell file under root, as repository-relative paths in a stable order. */
export function powerShellFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(dir, entry.name));
      else if (entry.isFile() && POWERSHELL_FILE.test(entry.name)) found.push(path.relative(root, path.join(dir, entry.name)));
    }
  };
  walk(root);
  return found;
}

/** README.md and examples/*.md, when they exist. */
export function markdownFiles(root) {
  const examples = path.join(root, 'examples');
  return ['README.md', ...(fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.md')).sort().map((f) => `examples/${f}`) : [])]
    .filter((f) => fs.existsSync(path.join(root, f)));
}

/** The fenced PowerShell blocks of a Markdown text, each with the file line its code starts on. */
export function fencedBlocks(markdown) {
  const blocks = [];
  let current = null;
  markdown.split('\n').forEach((line, index) => {
    if (current === null && FENCE.test(line)) {
      current = { firstLine: index + 2, lines: [] };
    } else if (current !== null && /^\s*```\s*$/.test(line)) {
      blocks.push({ firstLine: current.firstLine, code: `${current.lines.join('\n')}\n` });
      current = null;
    } else if (current !== null) {
      current.lines.push(line);
    }
  });
  return blocks;
}

/** The <dev:code> examples of a MAML help file, each with the cmdlet it belongs to. */
export function helpExamples(maml) {
  const examples = [];
  for (const command of maml.split('</command:command>')) {
    const name = /<command:name>([^<]+)<\/command:name>/.exec(command)?.[1];
    let number = 0;
    for (const match of command.matchAll(/<dev:code>([\s\S]*?)<\/dev:code>/g)) {
      number += 1;
      examples.push({ label: `${name} example ${number}`, code: `${unescapeXml(match[1])}\n` });
    }
  }
  return examples;
}

function unescapeXml(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
