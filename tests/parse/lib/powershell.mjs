// Loads the PowerShell grammar (WebAssembly, so no native build) and reports syntax problems.
import { createRequire } from 'node:module';
import { Parser, Language } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

export async function createParser() {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

// Known gaps of tree-sitter-powershell 0.26.4 where it inserts a token into valid PowerShell.
// Each rule is narrow: a zero-width token of one kind, in one parent, that PowerShell never needs.
const GRAMMAR_GAPS = [
  // `-RequiredKey username,password`: a comma list of bare words gets a MISSING argument separator.
  (node) => node.type === ' ' && node.parent?.type === 'command_argument_sep',
  // An empty script block `{ }`, or a param() block with nothing after it, gets a MISSING ';'.
  (node) => node.type === ';' && node.parent?.type === 'empty_statement',
];

// Another gap: `-RequiredKey username, password` (a space after the comma of a bare-word list)
// turns the whole pipeline into an ERROR. Removing such spaces never changes what PowerShell
// means, so a text with errors is parsed again with them moved past the next word (which keeps
// every other position), and that parse is used unless it is worse.
const SPACED_BAREWORD_LIST = /([\w.-]),([ \t]+)([A-Za-z_][\w.-]*)/g;

/** Parses PowerShell; returns the tree and its syntax problems ({line, column, message}). */
export function parsePowerShell(parser, code) {
  const tree = parser.parse(code);
  const problems = syntaxProblems(tree);
  const respaced = code.replace(SPACED_BAREWORD_LIST, '$1,$3$2');
  if (problems.length === 0 || respaced === code) return { tree, problems };
  const retry = parser.parse(respaced);
  const retryProblems = syntaxProblems(retry);
  return retryProblems.length <= problems.length ? { tree: retry, problems: retryProblems } : { tree, problems };
}

/** Every ERROR node and every MISSING token the grammar gaps do not explain. */
function syntaxProblems(tree) {
  const problems = [];
  const visit = (node) => {
    if (node.isMissing && !GRAMMAR_GAPS.some((gap) => gap(node))) {
      problems.push({ ...position(node), message: `missing '${node.type}'` });
    } else if (node.type === 'ERROR') {
      problems.push({ ...position(node), message: `syntax error at '${excerpt(node.text)}'` });
      return; // its children are the same error seen again
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return problems;
}

/** Each command invocation: its name and the -Parameter names written after it. */
export function commandUses(tree) {
  const uses = [];
  const visit = (node) => {
    if (node.type === 'command') {
      const name = node.childForFieldName('command_name');
      const elements = node.childForFieldName('command_elements');
      if (name) {
        uses.push({
          name: name.text.replace(/^.*\\/, ''), // RotationOps\Invoke-SecretRotation
          ...position(name),
          parameters: (elements?.children ?? [])
            .filter((e) => e.type === 'command_parameter')
            .map((e) => ({ name: e.text.replace(/^-/, '').replace(/:$/, ''), ...position(e) })),
        });
      }
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return uses;
}

/** String values of the top-level `Key = ...` entry of a manifest (a .psd1 hashtable). */
export function manifestStrings(tree, key) {
  const values = [];
  const visit = (node) => {
    if (node.type === 'hash_entry') {
      const entryKey = node.namedChildren.find((c) => c.type === 'key_expression');
      if (entryKey?.text.toLowerCase() === key.toLowerCase()) {
        collectStrings(node.namedChildren.find((c) => c !== entryKey), values);
        return;
      }
    }
    for (const child of node.namedChildren) visit(child);
  };
  visit(tree.rootNode);
  return values;
}

function collectStrings(node, values) {
  if (!node) return;
  if (node.type === 'string_literal') {
    values.push(node.text.slice(1, -1));
    return;
  }
  for (const child of node.namedChildren) collectStrings(child, values);
}

function position(node) {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

function excerpt(text) {
  const line = text.split('\n')[0];
  return line.length > 40 ? `${line.slice(0, 40)}...` : line;
}
