using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using RotationOps.Module.Tests.Infrastructure;
using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

public sealed class FormatFileTests
{
    [Fact]
    public void Every_view_selects_public_module_types_and_shows_their_properties()
    {
        var manifest = Psd1Reader.ReadHashtable(File.ReadAllText(RepositoryPaths.SourceManifest));
        var files = manifest["FormatsToProcess"] switch
        {
            string one => [one],
            List<object?> many => many.Cast<string>().ToList(),
            _ => new List<string>(),
        };

        Assert.NotEmpty(files);
        var violations = files.SelectMany(f => FormatViews.Violations(
                XDocument.Load(Path.Combine(RepositoryPaths.ModuleDirectory, f)), BuiltModule.TypeAssemblies)
            .Select(v => $"{f}: {v}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_check_reports_unknown_types_and_properties()
    {
        var format = XDocument.Parse("""
            <Configuration><ViewDefinitions>
              <View><Name>Good</Name><ViewSelectedBy><TypeName>ContractFixture.Widget</TypeName></ViewSelectedBy>
                <TableControl><TableRowEntries><TableRowEntry><TableColumnItems>
                  <TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
                  <TableColumnItem><ScriptBlock>$_.Color</ScriptBlock></TableColumnItem>
                </TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>
              <View><Name>BadType</Name><ViewSelectedBy><TypeName>ContractFixture.Gadget</TypeName></ViewSelectedBy></View>
              <View><Name>BadProperty</Name><ViewSelectedBy><TypeName>ContractFixture.Widget</TypeName></ViewSelectedBy>
                <ListControl><ListEntries><ListEntry><ListItems>
                  <ListItem><PropertyName>Colour</PropertyName></ListItem>
                </ListItems></ListEntry></ListEntries></ListControl></View>
            </ViewDefinitions></Configuration>
            """);

        var violations = FormatViews.Violations(format, [FixtureModule.Metadata.Assembly]).ToList();

        Assert.Equal(2, violations.Count);
        Assert.Contains("View 'BadType': <TypeName>ContractFixture.Gadget</TypeName> is no public type", violations[0]);
        Assert.Equal("View 'BadProperty': Widget has no public property 'Colour'.", violations[1]);
    }
}
