using RotationOps.Commands.Hosting;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands.Tests;

/// <summary>Which connection a pipeline item's calls use: its own -Region/-ProfileName, an ARN's region, or the command's.</summary>
public sealed class ItemConnectionTests
{
    private const string WestSecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbCdEf";

    [Fact]
    public void An_item_named_by_a_full_ARN_goes_to_the_ARNs_region()
    {
        var at = ItemConnection.Of(WestSecretArn, region: null, profileName: null, commandRegion: null, commandProfile: null);

        Assert.Equal("eu-west-1", at.Region);
        Assert.Null(at.ProfileName);
    }

    [Fact]
    public void A_region_that_contradicts_the_ARN_is_refused_naming_Region()
    {
        var refused = Assert.Throws<RunbookException>(() => ItemConnection.Of(WestSecretArn, "us-east-1", null, "us-east-1", null));

        Assert.Equal("Region", refused.ParameterName);
        Assert.Contains("is in eu-west-1, and -Region is us-east-1", refused.Message);
    }

    [Fact]
    public void Names_and_partial_ARNs_keep_the_items_or_the_commands_region()
    {
        Assert.Equal("ap-south-1", ItemConnection.Of("orders-api", "ap-south-1", null, null, null).Region);
        Assert.Null(ItemConnection.Of("123456789012:function:orders-api", null, null, null, null).Region);
    }

    [Fact]
    public void Values_equal_to_the_command_lines_share_the_commands_clients()
    {
        var commandOwn = new ItemConnection(null, null);

        Assert.Equal(commandOwn, ItemConnection.Of("orders-api", "eu-west-1", "prod", "eu-west-1", "prod"));
        Assert.Equal(commandOwn, ItemConnection.Of(WestSecretArn, "eu-west-1", null, "eu-west-1", null));
        Assert.NotEqual(commandOwn, ItemConnection.Of("orders-api", "eu-west-1", "staging", "eu-west-1", "prod"));
    }

    [Fact]
    public void A_blank_profile_from_a_CSV_cell_means_the_commands_profile()
    {
        Assert.Null(ItemConnection.Of("orders-api", null, "  ", null, "prod").ProfileName);
        Assert.Equal("west", ItemConnection.Of("orders-api", null, " west ", null, null).ProfileName);
    }

    [Fact]
    public void Items_in_the_same_place_share_one_connection()
    {
        var first = ItemConnection.Of("orders-api", null, "west", null, null);
        var second = ItemConnection.Of("billing-api", null, "west", null, null);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
