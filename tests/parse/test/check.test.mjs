// Self-tests of the parse check: the grammar gaps it forgives, the errors it must still report,
// and the cmdlet/parameter lookup. Run: node --test test/
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createParser, parsePowerShell, commandUses, manifestStrings } from '../lib/powershell.mjs';
import { CommandSurface } from '../lib/surface.mjs';
import { fencedBlocks, helpExamples } from '../lib/sources.mjs';

let parser;
before(async () => { parser = await createParser(); });

const problemsOf = (code) => parsePowerShell(parser, code).problems;

test('valid PowerShell that the grammar stumbles over is accepted', () => {
  for (const code of [
    'Test-RotatedSecret -RequiredKey username,password\n',
    'Test-RotatedSecret -RequiredKey username, password -Quiet\n',
    'Invoke-SecretRotation -SecretId a |\n    Test-RotatedSecret -ExcludeCheck RotationEnabled, NotOverdue\n',
    'Describe "x" { It "y" { } }\n',
    '[CmdletBinding()]\nparam([Parameter(Mandatory)][string]$X)\n',
  ]) {
    assert.deepEqual(problemsOf(code), [], code);
  }
});

test('real syntax errors are reported with their line', () => {
  assert.equal(problemsOf('$a = 1\nif ($x { 1 }\n')[0].line, 2);
  assert.match(problemsOf('function f {\n  1\n')[0].message, /missing '\}'/);
  assert.ok(problemsOf("Foo -Bar 'unterminated\n").length > 0);
  assert.ok(problemsOf('Foo | | Bar\n').length > 0);
});

test('a real error next to a spaced bare-word list is still reported', () => {
  const problems = problemsOf('Test-RotatedSecret -RequiredKey a, b\nfunction f {\n  1\n');
  assert.deepEqual(problems.map((p) => p.message), ["missing '}'"]);
});

test('command uses carry the name and -Parameter names, however they are written', () => {
  const [use] = commandUses(parsePowerShell(parser, 'RotationOps\\Test-RotatedSecret -Quiet:$true -RequiredKey a,b @splat\n').tree);
  assert.equal(use.name, 'Test-RotatedSecret');
  assert.deepEqual(use.parameters.map((p) => p.name), ['Quiet', 'RequiredKey']);
  const nested = commandUses(parsePowerShell(parser, '$r = Invoke-SecretRotation -SecretId (Get-Id -Name x)\n').tree);
  assert.deepEqual(nested.map((u) => u.name).sort(), ['Get-Id', 'Invoke-SecretRotation']);
});

const surface = new CommandSurface({
  cmdlets: [
    { name: 'Invoke-SecretRotation', supportsShouldProcess: true, parameters: [{ name: 'SecretId', aliases: ['Id'] }] },
    { name: 'Test-RotatedSecret', supportsShouldProcess: false, parameters: [{ name: 'Quiet', aliases: [] }] },
  ],
}, ['Invoke-SecretRotation', 'Test-RotatedSecret', 'Publish-LambdaCanary']);
const check = (code) => commandUses(parsePowerShell(parser, code).tree).filter((u) => surface.owns(u.name)).flatMap((u) => surface.check(u));

test('parameters, aliases, common parameters and -WhatIf of a ShouldProcess cmdlet pass', () => {
  assert.deepEqual(check('Invoke-SecretRotation -id x -WhatIf -Verbose -ErrorAction Stop | Test-RotatedSecret -Quiet\n'), []);
});

test('an unknown parameter, or -WhatIf without ShouldProcess, is reported where it is written', () => {
  const problems = check('Invoke-SecretRotation -SecretId x\nTest-RotatedSecret -RequiredKeys a -WhatIf\n');
  assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
    '2:20 Test-RotatedSecret has no parameter -RequiredKeys',
    '2:36 Test-RotatedSecret has no parameter -WhatIf',
  ]);
});

test('exported but unbuilt cmdlets, other verbs on the module nouns and typos are reported; other commands are not', () => {
  const problems = check('Publish-LambdaCanary -Weight 1\nGet-SecretRotation\nInvoke-SecretRotaton\nGet-Date -Format o\nInvoke-WebRequest -Uri x\n');
  assert.deepEqual(problems.map((p) => p.message), [
    'Publish-LambdaCanary is not a cmdlet of the built module',
    'Get-SecretRotation is not a cmdlet of the built module',
    'Invoke-SecretRotaton is not a cmdlet of the built module',
  ]);
});

test('CmdletsToExport is read from a manifest, one per line or comma-separated', () => {
  const tree = parsePowerShell(parser, "@{\n  RootModule = 'x.dll'\n  CmdletsToExport = @(\n    'A-B'\n    'C-D', 'E-F'\n  )\n  FunctionsToExport = @('G-H')\n}\n").tree;
  assert.deepEqual(manifestStrings(tree, 'CmdletsToExport'), ['A-B', 'C-D', 'E-F']);
});

test('fenced PowerShell blocks keep the line their code starts on', () => {
  const blocks = fencedBlocks('# T\n\n```powershell\nGet-A\nGet-B\n```\ntext\n```text\nno\n```\n```pwsh\nGet-C\n```\n');
  assert.deepEqual(blocks, [{ firstLine: 4, code: 'Get-A\nGet-B\n' }, { firstLine: 12, code: 'Get-C\n' }]);
});

test('help examples are unescaped and labelled with their cmdlet', () => {
  const maml = '<command:command><command:details><command:name>Test-X</command:name></command:details>'
    + '<dev:code>Test-X -A &amp;&amp; &lt;b&gt;</dev:code></command:command>';
  assert.deepEqual(helpExamples(maml), [{ label: 'Test-X example 1', code: 'Test-X -A && <b>\n' }]);
});
