using System.Collections.Generic;
using System.Linq;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.SecretsManager;

/// <summary>
/// GetRandomPassword's documented rules, checked before a rotation starts so options that can
/// generate nothing are refused naming our parameters, not by AWS once the rotation is under way.
/// </summary>
internal static class PasswordLimits
{
    /// <summary>ExcludeCharacters: at most 4,096 characters.</summary>
    public const int MaxExcludeCharacters = 4096;

    // The character types GetRandomPassword draws from (punctuation as its API reference lists it).
    private static readonly (string Switch, string Characters)[] Types =
    {
        ("ExcludeLowercase", "abcdefghijklmnopqrstuvwxyz"),
        ("ExcludeUppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("ExcludeNumbers", "0123456789"),
        ("ExcludePunctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    };

    /// <exception cref="RunbookException">InvalidParameter naming the option to change; messages never show a generated value.</exception>
    public static void Check(RandomPasswordRequest options)
    {
        string exclude = options.ExcludeCharacters ?? "";
        if (exclude.Length > MaxExcludeCharacters)
            throw RunbookException.InvalidParameter("ExcludeCharacters",
                $"it is {exclude.Length} characters; Secrets Manager takes at most {MaxExcludeCharacters}.");
        var excludedTypes = new List<string>();
        int included = 0;
        foreach (var (name, characters) in Types)
        {
            if (IsSet(options, name)) excludedTypes.Add("-" + name);
            else if (characters.Any(c => exclude.IndexOf(c) < 0)) included++;
        }
        bool space = options.IncludeSpace == true && exclude.IndexOf(' ') < 0;
        if (included == 0 && !space)
        {
            var by = excludedTypes.Concat(exclude.Length > 0 ? new[] { "-ExcludeCharacters" } : new string[0]).ToList();
            throw RunbookException.InvalidParameter(exclude.Length > 0 ? "ExcludeCharacters" : excludedTypes[excludedTypes.Count - 1].TrimStart('-'),
                (by.Count == 1 ? $"{by[0]} leaves" : $"{string.Join(", ", by.Take(by.Count - 1))} and {by[by.Count - 1]} leave") +
                " no character to generate a password from. Exclude fewer, e.g. keep letters and digits.");
        }
        // Secrets Manager puts one character of every included type in the password unless told not to.
        if (options.RequireEachIncludedType != false && options.PasswordLength is int length && length < included)
            throw RunbookException.InvalidParameter("PasswordLength",
                $"{length} characters cannot hold one of each of the {included} character types the password must include. Give at least {included}, or exclude types.");
    }

    private static bool IsSet(RandomPasswordRequest options, string name) => name switch
    {
        "ExcludeLowercase" => options.ExcludeLowercase == true,
        "ExcludeUppercase" => options.ExcludeUppercase == true,
        "ExcludeNumbers" => options.ExcludeNumbers == true,
        _ => options.ExcludePunctuation == true,
    };
}
