using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace RotationOps.Module.Tests.Rules;

/// <summary>
/// A format.ps1xml only works when its views select real types and show real properties;
/// PowerShell reports neither mistake, it just falls back to the default view.
/// </summary>
public static class FormatViews
{
    public static IEnumerable<string> Violations(XDocument format, IReadOnlyList<Assembly> typeAssemblies)
    {
        if (format.Root?.Name.LocalName != "Configuration")
        {
            yield return $"The root element is <{format.Root?.Name.LocalName}>, not <Configuration>.";
            yield break;
        }

        foreach (var view in format.Descendants("View"))
        {
            var viewName = (string?)view.Element("Name") ?? "(unnamed view)";
            var types = new List<Type>();
            foreach (var typeName in view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()) ?? [])
            {
                var type = typeAssemblies.Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
                if (type is null || !(type.IsPublic || type.IsNestedPublic))
                {
                    yield return $"View '{viewName}': <TypeName>{typeName}</TypeName> is no public type in {string.Join(" or ", typeAssemblies.Select(a => a.GetName().Name + ".dll"))}.";
                    continue;
                }

                types.Add(type);
            }

            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value.Trim()).Distinct())
            {
                foreach (var type in types.Where(t => t.GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null))
                {
                    yield return $"View '{viewName}': {type.Name} has no public property '{property}'.";
                }
            }
        }
    }
}
