using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// GetRandomPassword's generator (also used by native rotation functions): cryptographically
/// random characters from the included types, at least one of each type when required.
/// </summary>
internal static class RandomPasswordGenerator
{
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
    private const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Numbers = "0123456789";
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Generate(PasswordRules rules)
    {
        var types = new List<string>();
        AddType(types, Lowercase, rules.ExcludeLowercase, rules.ExcludeCharacters);
        AddType(types, Uppercase, rules.ExcludeUppercase, rules.ExcludeCharacters);
        AddType(types, Numbers, rules.ExcludeNumbers, rules.ExcludeCharacters);
        AddType(types, Punctuation, rules.ExcludePunctuation, rules.ExcludeCharacters);
        var pool = string.Concat(types) + (rules.IncludeSpace && !rules.ExcludeCharacters.Contains(' ') ? " " : string.Empty);
        if (pool.Length == 0)
        {
            throw SecretsManagerErrors.NoPasswordCharacters();
        }

        if (rules.RequireEachIncludedType && rules.Length < types.Count)
        {
            throw SecretsManagerErrors.PasswordTooShort();
        }

        var characters = new List<char>(rules.Length);
        if (rules.RequireEachIncludedType)
        {
            characters.AddRange(types.Select(Pick));
        }

        while (characters.Count < rules.Length)
        {
            characters.Add(Pick(pool));
        }

        // Shuffle so the guaranteed characters do not sit at predictable positions.
        for (var i = characters.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (characters[i], characters[j]) = (characters[j], characters[i]);
        }

        return new string(characters.ToArray());
    }

    private static void AddType(List<string> types, string characters, bool excluded, string excludeCharacters)
    {
        var allowed = new string(characters.Where(c => !excludeCharacters.Contains(c)).ToArray());
        if (!excluded && allowed.Length > 0)
        {
            types.Add(allowed);
        }
    }

    private static char Pick(string characters) => characters[RandomNumberGenerator.GetInt32(characters.Length)];
}
