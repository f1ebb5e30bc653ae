using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RotationOps.Sandbox.DynamoDb.Items;

/// <summary>
/// An item's size as DynamoDB counts it against the 400 KB limit: attribute names and values in
/// UTF-8 bytes, numbers one byte per two significant digits plus one, BOOL and NULL one byte, and
/// three bytes of overhead per map or list plus one per element.
/// </summary>
internal static class ItemSize
{
    public const int MaxBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(entry => Encoding.UTF8.GetByteCount(entry.Key) + Of(entry.Value));

    private static int Of(AttributeValue value) => value.Type switch
    {
        "S" => Encoding.UTF8.GetByteCount(value.Text!),
        "N" => ((value.Number.Digits + 1) / 2) + 1,
        "B" => value.Bytes!.Length,
        "BOOL" or "NULL" => 1,
        "M" => 3 + value.Map!.Sum(entry => Encoding.UTF8.GetByteCount(entry.Key) + Of(entry.Value) + 1),
        "L" => 3 + value.Items!.Sum(item => Of(item) + 1),
        _ => value.Items!.Sum(Of),
    };
}
