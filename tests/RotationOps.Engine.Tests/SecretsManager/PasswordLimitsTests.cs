using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Tests.SecretsManager;

/// <summary>
/// -GeneratePassword options that GetRandomPassword cannot satisfy are refused when the rotation
/// is planned, naming the option, instead of failing once the rotation is under way.
/// </summary>
public sealed class PasswordLimitsTests
{
    [Fact]
    public void Excluding_every_character_type_is_refused_naming_the_exclusions()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.Generated(new RandomPasswordRequest
        {
            ExcludeLowercase = true, ExcludeUppercase = true, ExcludeNumbers = true, ExcludePunctuation = true,
        }));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Contains("-ExcludeLowercase, -ExcludeUppercase, -ExcludeNumbers and -ExcludePunctuation leave no character", error.Message);
    }

    [Fact]
    public void Excluded_characters_that_empty_the_remaining_types_are_refused_naming_ExcludeCharacters()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.Generated(new RandomPasswordRequest
        {
            ExcludeNumbers = true, ExcludePunctuation = true, ExcludeUppercase = true, ExcludeCharacters = "abcdefghijklmnopqrstuvwxyz",
        }));

        Assert.Equal("ExcludeCharacters", error.ParameterName);
    }

    [Fact]
    public void A_space_alone_is_something_to_generate_from()
    {
        NewSecretValue.Generated(new RandomPasswordRequest
        {
            ExcludeLowercase = true, ExcludeUppercase = true, ExcludeNumbers = true, ExcludePunctuation = true, IncludeSpace = true,
        });
    }

    [Fact]
    public void A_length_below_the_number_of_required_types_is_refused_unless_types_are_not_required()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 3 }));
        Assert.Equal("PasswordLength", error.ParameterName);
        Assert.Contains("4 character types", error.Message);

        NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 3, RequireEachIncludedType = false });
        NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 2, ExcludeNumbers = true, ExcludePunctuation = true });
    }

    [Fact]
    public void Excluded_characters_over_the_API_limit_are_refused()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.Generated(new RandomPasswordRequest { ExcludeCharacters = new string('/', 4097) }));

        Assert.Equal("ExcludeCharacters", error.ParameterName);
        Assert.Contains("4096", error.Message);
    }
}
