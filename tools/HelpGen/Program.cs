using System;
using System.IO;
using System.Linq;
using RotationOps.HelpGen;

// Run by RotationOps.csproj after the module is laid out:
//   HelpGen --assembly out/RotationOps/RotationOps.dll --reference <System.Management.Automation.dll>
//           --doc RotationOps.xml [--doc RotationOps.Engine.xml] --maml <en-US/...-Help.xml>
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToLookup(pair => pair[0], pair => pair[1]);
string Single(string name) => options[name].SingleOrDefault()
    ?? throw new ArgumentException($"HelpGen needs exactly one {name} <path>.");

using var module = ModuleMetadata.Open(Single("--assembly"), Single("--reference"));
var docs = DocComments.Load(options["--doc"].ToList());
var maml = Single("--maml");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(maml))!);
MamlWriter.Build(module.Cmdlets, docs).Save(maml);
Console.WriteLine($"HelpGen: {module.Cmdlets.Count} cmdlet(s) -> {maml}");
return 0;
