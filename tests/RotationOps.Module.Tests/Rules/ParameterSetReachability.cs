using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.HelpGen;

namespace RotationOps.Module.Tests.Rules;

/// <summary>
/// Whether a user can ever end up in each parameter set. PowerShell keeps the sets that contain
/// every parameter given; of those, it prefers the ones whose mandatory parameters are all given;
/// a tie goes to DefaultParameterSetName, or is an "ambiguous parameter set" error. So a set is
/// reachable when some choice of its parameters (all its mandatory ones, plus any of the others)
/// leaves it the only candidate, or leaves it tied with the default being itself.
/// </summary>
public static class ParameterSetReachability
{
    /// <summary>Above this many optional set-specific parameters the search samples instead of trying every subset.</summary>
    private const int ExhaustiveLimit = 16;

    public static IEnumerable<string> Violations(CmdletDescription cmdlet)
    {
        var sets = cmdlet.ParameterSetNames.Where(s => s != ParameterSetMembership.AllSets).ToList();
        if (cmdlet.DefaultParameterSetName is { } defaultSet && sets.Count > 0
            && !sets.Contains(defaultSet, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{cmdlet.Name}: DefaultParameterSetName '{defaultSet}' is not one of its parameter sets ({string.Join(", ", sets)}).";
        }

        if (sets.Count < 2)
        {
            yield break;
        }

        foreach (var set in sets)
        {
            if (!IsReachable(cmdlet, set, sets))
            {
                yield return $"{cmdlet.Name}: parameter set '{set}' can never be chosen: whichever of its parameters are given, another set fits as well.";
            }
        }
    }

    private static bool IsReachable(CmdletDescription cmdlet, string set, IReadOnlyList<string> sets)
    {
        // Parameters in every set cannot tell sets apart, so only the set's own ones are chosen among.
        var own = cmdlet.ParametersIn(set).Where(x => x.Membership.SetName != ParameterSetMembership.AllSets).ToList();
        var mandatory = own.Where(x => x.Membership.Mandatory).Select(x => x.Parameter).ToList();
        var optional = own.Where(x => !x.Membership.Mandatory).Select(x => x.Parameter).ToList();
        return Choices(optional).Any(extra => Wins(cmdlet, set, sets, [.. mandatory, .. extra]));
    }

    private static bool Wins(CmdletDescription cmdlet, string set, IReadOnlyList<string> sets, IReadOnlyList<ParameterDescription> given)
    {
        var rivals = sets.Where(other => other != set)
            .Where(other => given.All(p => p.MembershipIn(other) is not null))
            .Where(other => cmdlet.ParametersIn(other)
                .Where(x => x.Membership.Mandatory && x.Membership.SetName != ParameterSetMembership.AllSets)
                .All(x => given.Contains(x.Parameter)))
            .ToList();
        return rivals.Count == 0 || string.Equals(cmdlet.DefaultParameterSetName, set, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every subset of the optional parameters, or (when there are too many) none, each alone, and all.</summary>
    private static IEnumerable<IReadOnlyList<ParameterDescription>> Choices(IReadOnlyList<ParameterDescription> optional)
    {
        if (optional.Count > ExhaustiveLimit)
        {
            return new[] { Array.Empty<ParameterDescription>(), optional }.Concat(optional.Select(p => new[] { p }));
        }

        return Enumerable.Range(0, 1 << optional.Count)
            .Select(mask => (IReadOnlyList<ParameterDescription>)optional.Where((_, i) => (mask & (1 << i)) != 0).ToList());
    }
}
