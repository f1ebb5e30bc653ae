using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;

namespace RotationOps.HelpGen;

/// <summary>
/// Reads cmdlet classes from an assembly opened in a MetadataLoadContext. Attributes are read as
/// CustomAttributeData because their constructors can never run in such a context.
/// </summary>
public static class CmdletReader
{
    private const string Automation = "System.Management.Automation.";

    /// <summary>Every public class with a [Cmdlet] attribute, ordered by cmdlet name.</summary>
    public static IReadOnlyList<CmdletDescription> Read(MetadataLoadContext context, Assembly assembly) =>
        assembly.GetExportedTypes()
            .Select(t => (Type: t, Cmdlet: Attribute(t, "CmdletAttribute")))
            .Where(x => x.Cmdlet is not null)
            .Select(x => Describe(context, x.Type, x.Cmdlet!))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static CmdletDescription Describe(MetadataLoadContext context, Type type, CustomAttributeData cmdlet) => new(
        type,
        Verb: (string)cmdlet.ConstructorArguments[0].Value!,
        Noun: (string)cmdlet.ConstructorArguments[1].Value!,
        SupportsShouldProcess: Named(cmdlet, "SupportsShouldProcess") is true,
        DefaultParameterSetName: Named(cmdlet, "DefaultParameterSetName") as string,
        HelpUri: Named(cmdlet, "HelpUri") as string,
        OutputTypes: Attributes(type, "OutputTypeAttribute").SelectMany(a => OutputTypes(context, type, a)).ToList(),
        Parameters: type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(DescribeParameter).OfType<ParameterDescription>().ToList());

    private static ParameterDescription? DescribeParameter(PropertyInfo property)
    {
        var sets = Attributes(property, "ParameterAttribute").Select(a => new ParameterSetMembership(
            SetName: Named(a, "ParameterSetName") as string ?? ParameterSetMembership.AllSets,
            Mandatory: Named(a, "Mandatory") is true,
            Position: Named(a, "Position") is int p && p != int.MinValue ? p : null,
            ValueFromPipeline: Named(a, "ValueFromPipeline") is true,
            ValueFromPipelineByPropertyName: Named(a, "ValueFromPipelineByPropertyName") is true,
            HelpMessage: Named(a, "HelpMessage") as string,
            DontShow: Named(a, "DontShow") is true)).ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        var aliases = Attributes(property, "AliasAttribute").SelectMany(a => Strings(a.ConstructorArguments[0])).ToList();
        return new ParameterDescription(property, property.PropertyType, aliases, sets);
    }

    private static IEnumerable<OutputTypeDeclaration> OutputTypes(MetadataLoadContext context, Type cmdletType, CustomAttributeData attribute)
    {
        var sets = Named(attribute, "ParameterSetName") is ReadOnlyCollection<CustomAttributeTypedArgument> names
            ? names.Select(n => (string)n.Value!).ToList()
            : [];
        foreach (var argument in (ReadOnlyCollection<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!)
        {
            // [OutputType] takes either types or type names; a name is only "real" if it resolves.
            yield return argument.Value switch
            {
                Type t => new OutputTypeDeclaration(t.FullName ?? t.Name, t, sets),
                string name => new OutputTypeDeclaration(name, ResolveTypeName(context, cmdletType.Assembly, name), sets),
                _ => new OutputTypeDeclaration(argument.ToString(), null, sets),
            };
        }
    }

    private static Type? ResolveTypeName(MetadataLoadContext context, Assembly cmdletAssembly, string name) =>
        cmdletAssembly.GetReferencedAssemblies()
            .Select(reference => TryLoad(context, reference)).OfType<Assembly>()
            .Prepend(cmdletAssembly)
            .Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is not null);

    private static Assembly? TryLoad(MetadataLoadContext context, AssemblyName reference)
    {
        try
        {
            return context.LoadFromAssemblyName(reference);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items
            ? items.Select(i => (string)i.Value!)
            : [(string)argument.Value!];

    private static CustomAttributeData? Attribute(MemberInfo member, string name) => Attributes(member, name).FirstOrDefault();

    private static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Automation + name);

    private static object? Named(CustomAttributeData attribute, string member) =>
        attribute.NamedArguments.Where(n => n.MemberName == member).Select(n => n.TypedValue.Value).FirstOrDefault();
}
