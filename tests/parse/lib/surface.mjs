// The RotationOps commands a script may call, from the built module (out/command-surface.json,
// written by tools/HelpGen on every `dotnet build`) and from the manifest's CmdletsToExport.

// Parameters PowerShell adds to every cmdlet (about_CommonParameters), with their aliases.
const COMMON = [
  'Verbose', 'vb', 'Debug', 'db', 'ErrorAction', 'ea', 'WarningAction', 'wa', 'InformationAction', 'infa',
  'ErrorVariable', 'ev', 'WarningVariable', 'wv', 'InformationVariable', 'iv', 'OutVariable', 'ov',
  'OutBuffer', 'ob', 'PipelineVariable', 'pv', 'ProgressAction', 'proga',
];
const SHOULD_PROCESS = ['WhatIf', 'wi', 'Confirm', 'cf'];

export class CommandSurface {
  /**
   * @param {{cmdlets: {name: string, supportsShouldProcess: boolean, parameters: {name: string, aliases: string[]}[]}[]}} surface
   * @param {string[]} exported CmdletsToExport from the manifest
   */
  constructor(surface, exported) {
    this.cmdlets = new Map(surface.cmdlets.map((c) => [c.name.toLowerCase(), c]));
    this.exported = exported;
    this.names = [...new Set([...surface.cmdlets.map((c) => c.name), ...exported].map((n) => n.toLowerCase()))];
    this.nouns = new Set(this.names.map(noun));
  }

  /**
   * A name this module owns: built or exported, another verb on one of its nouns, or within two
   * typing mistakes of one of its names. The last two are caught so a typo is reported, not ignored.
   */
  owns(commandName) {
    const name = commandName.toLowerCase();
    return /^[a-z]+-[a-z]+$/.test(name)
      && (this.nouns.has(noun(name)) || this.names.some((known) => editDistance(name, known) <= 2));
  }

  /** Problems with one use of an owned command: unknown cmdlet, unknown parameter. */
  check(use) {
    const cmdlet = this.cmdlets.get(use.name.toLowerCase());
    if (!cmdlet) {
      return [{ line: use.line, column: use.column, message: `${use.name} is not a cmdlet of the built module` }];
    }
    const known = new Set([
      ...cmdlet.parameters.flatMap((p) => [p.name, ...p.aliases]),
      ...COMMON,
      ...(cmdlet.supportsShouldProcess ? SHOULD_PROCESS : []),
    ].map((n) => n.toLowerCase()));
    return use.parameters
      .filter((p) => !known.has(p.name.toLowerCase()))
      .map((p) => ({ line: p.line, column: p.column, message: `${cmdlet.name} has no parameter -${p.name}` }));
  }
}

function noun(commandName) {
  return commandName.slice(commandName.indexOf('-') + 1).toLowerCase();
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
