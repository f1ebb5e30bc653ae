using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace RotationOps.Engine.Aws.Http;

/// <summary>Follows a listing operation's page token to the last page.</summary>
internal static class AwsPaging
{
    /// <summary>
    /// Calls <paramref name="fetchPage"/> with null, then with each page's token until one comes back
    /// without. <paramref name="tokenName"/> is what the service calls it (NextToken, NextMarker).
    /// </summary>
    /// <exception cref="AwsServiceException">MalformedResponse when the service repeats its token, which would loop forever.</exception>
    public static async Task<List<T>> CollectAsync<T>(AwsService service, string operation, string tokenName, Func<string?, Task<AwsPage<T>>> fetchPage)
    {
        var all = new List<T>();
        string? token = null;
        while (true)
        {
            AwsPage<T> page = await fetchPage(token).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (string.IsNullOrEmpty(page.NextToken)) return all;
            if (page.NextToken == token)
                throw new AwsServiceException(service.SigningName, operation, AwsLocalErrorCodes.MalformedResponse,
                    $"the service returned the same {tokenName} twice", null, null);
            token = page.NextToken;
        }
    }
}
