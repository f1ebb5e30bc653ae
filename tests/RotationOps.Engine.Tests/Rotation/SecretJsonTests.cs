using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Tests.Rotation;

public sealed class SecretJsonTests
{
    [Fact]
    public void Merging_a_key_replaces_only_that_key_and_keeps_types_and_order_of_the_rest()
    {
        using var current = SensitiveValue.FromString("{\"username\":\"app\",\"password\":\"old\",\"port\":5432,\"ssl\":true}");
        using var password = SensitiveValue.FromString("n\"e\\w\u00e9");

        using var merged = SecretJson.Merge(current, new Dictionary<string, SensitiveValue> { ["password"] = password }, "db");

        using var document = JsonDocument.Parse(merged.Bytes);
        var root = document.RootElement;
        Assert.Equal(new[] { "username", "password", "port", "ssl" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("n\"e\\w\u00e9", root.GetProperty("password").GetString());
        Assert.Equal(5432, root.GetProperty("port").GetInt32());
        Assert.True(root.GetProperty("ssl").GetBoolean());
        Assert.False(merged.IsBinary);
    }

    [Fact]
    public void Merging_a_new_key_appends_it()
    {
        using var current = SensitiveValue.FromString("{\"username\":\"app\"}");
        using var key = SensitiveValue.FromString("k");

        using var merged = SecretJson.Merge(current, new Dictionary<string, SensitiveValue> { ["api_key"] = key }, "api");

        Assert.Equal("{\"username\":\"app\",\"api_key\":\"k\"}", merged.Reveal());
    }

    [Fact]
    public void A_value_that_is_not_a_json_object_is_refused_without_quoting_it()
    {
        using var current = SensitiveValue.FromString("hunter2-not-json");
        using var key = SensitiveValue.FromString("k");

        var error = Assert.Throws<InvalidDataException>(() => SecretJson.Merge(current, new Dictionary<string, SensitiveValue> { ["password"] = key }, "db"));

        Assert.Contains("'db'", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Missing_keys_lists_absent_null_and_empty_keys()
    {
        using var value = SensitiveValue.FromString("{\"username\":\"app\",\"password\":\"\",\"host\":null}");

        Assert.Equal(new[] { "password", "host", "port" }, SecretJson.MissingKeys(value, new[] { "username", "password", "host", "port" }, "db"));
    }

    [Fact]
    public void Merge_round_trips_any_key_value_for_any_string_property()
    {
        Prop.ForAll<NonNull<string>, NonNull<string>>((newValue, otherValue) =>
        {
            string other = JsonSerializer.Serialize(otherValue.Get);
            using var current = SensitiveValue.FromString("{\"other\":" + other + ",\"secret\":\"x\"}");
            using var replacement = SensitiveValue.FromString(newValue.Get);
            using var merged = SecretJson.Merge(current, new Dictionary<string, SensitiveValue> { ["secret"] = replacement }, "s");
            using var document = JsonDocument.Parse(merged.Bytes);
            return document.RootElement.GetProperty("secret").GetString() == newValue.Get &&
                   document.RootElement.GetProperty("other").GetString() == otherValue.Get;
        }).QuickCheckThrowOnFailure();
    }
}
