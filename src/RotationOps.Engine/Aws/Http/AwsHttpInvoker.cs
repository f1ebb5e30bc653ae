using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Polly;
using Polly.Retry;
using RotationOps.Engine.Aws.RateLimiting;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Sends one service's requests: signs each attempt, bounds it with CallTimeout, turns error answers
/// into <see cref="AwsServiceException"/> through the protocol's <see cref="IAwsErrorParser"/>, and
/// retries what <see cref="AwsRetryPolicy"/> allows. Every attempt, retries included, first waits for
/// its quota group's client-side rate limit (<see cref="AwsRateLimiter"/>). Protocol-neutral: the
/// awsJson, restJson1 and awsQuery clients differ only in the requests they build and the parser they pass.
/// </summary>
internal sealed class AwsHttpInvoker
{
    private static readonly ResiliencePropertyKey<Call> CallKey = new ResiliencePropertyKey<Call>("RotationOps.AwsCall");
    private static readonly string UserAgent = "RotationOps/" + typeof(AwsHttpInvoker).Assembly.GetName().Version;

    /// <summary>A rate-limit wait at least this long gets a verbose line; shorter ones are routine pacing.</summary>
    private static readonly TimeSpan NoticeableWait = TimeSpan.FromMilliseconds(100);

    private readonly AwsService _service;
    private readonly AwsServiceEndpoint _endpoint;
    private readonly AwsRequestSigner _signer;
    private readonly IAwsErrorParser _errors;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Action<string>? _verbose;
    private readonly AwsRetryPolicy _policy;
    private readonly TimeSpan _callTimeout;
    private readonly ResiliencePipeline _pipeline;
    private readonly AwsRateLimiter _limiter;

    public AwsHttpInvoker(AwsService service, AwsConnection connection, AwsServiceEndpoint endpoint, IAwsErrorParser errors,
        HttpClient http, TimeProvider time, Action<string>? verbose, AwsRetryPolicy policy)
    {
        _service = service;
        Connection = connection;
        _endpoint = endpoint;
        _signer = new AwsRequestSigner(connection.Credentials, connection.Region, service.SigningName);
        _errors = errors;
        _http = http;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _verbose = verbose;
        _policy = policy;
        _callTimeout = connection.CallTimeout;
        _pipeline = BuildPipeline();
        _limiter = new AwsRateLimiter(service, connection, endpoint, time);
    }

    /// <summary>
    /// Resolves credentials, region and the service's endpoint now, so settings that cannot work fail
    /// before the first call, and reports them on <paramref name="verbose"/>. Retry waits run on
    /// <paramref name="time"/>; per-attempt timeouts on real time.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static AwsHttpInvoker Connect(AwsService service, IAwsErrorParser errors, AwsConnectionOptions options, TimeProvider time,
        Action<string>? verbose, HttpClient http, Random? jitter)
    {
        if (time is null) throw new ArgumentNullException(nameof(time));
        AwsConnection connection = AwsConnection.Resolve(options);
        AwsServiceEndpoint endpoint = connection.ResolveEndpoint(service);
        verbose?.Invoke($"{service.DisplayName}: {endpoint}; {connection}");
        var policy = new AwsRetryPolicy(connection.MaxAttempts, connection.MaxRetryTime, jitter);
        return new AwsHttpInvoker(service, connection, endpoint, errors, http, time, verbose, policy);
    }

    public AwsConnection Connection { get; }

    public AwsServiceEndpoint Endpoint => _endpoint;

    /// <summary>
    /// The 2xx answer (the caller disposes it), or the last error once retries are spent.
    /// Cancelling <paramref name="cancellationToken"/> stops at once with OperationCanceledException.
    /// </summary>
    /// <exception cref="AwsServiceException">An error answer, a timeout or a transport failure.</exception>
    /// <exception cref="AwsConfigurationException">Credentials could not be obtained.</exception>
    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var call = new Call(request, _time.GetUtcNow());
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                (ctx, state) => state.Invoker.AttemptAsync(ctx.CancellationToken, state.Call),
                context, (Invoker: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Sends the request and reads its 2xx answer with <paramref name="read"/>. An answer the reader
    /// cannot make sense of becomes MalformedResponse: neither the body nor the parser's message (which
    /// can quote it, secret values included) goes into the error.
    /// </summary>
    /// <exception cref="AwsServiceException">An error answer, a timeout, a transport failure or an unreadable answer.</exception>
    /// <exception cref="AwsConfigurationException">Credentials could not be obtained.</exception>
    public async Task<T> SendAsync<T>(AwsHttpRequest request, AwsResponseReader<T> read, CancellationToken cancellationToken)
    {
        using (AwsHttpResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return read(response);
            }
            catch (Exception e) when (e is JsonException || e is XmlException || e is InvalidOperationException || e is FormatException ||
                                      e is OverflowException)
            {
                throw new AwsServiceException(_service.SigningName, request.Operation, AwsLocalErrorCodes.MalformedResponse,
                    $"the answer is not the {_errors.BodyFormat} {_service.DisplayName} sends; check that the endpoint is {_service.DisplayName}",
                    response.StatusCode, response.RequestId);
            }
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        if (_policy.MaxAttempts <= 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _policy.MaxAttempts - 1,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome.Exception, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null!).NextDelay),
                OnRetry = args =>
                {
                    ReportRetry(args.Context.Properties.GetValue(CallKey, null!), args.Outcome.Exception, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// Decides, and fixes the wait, here rather than in the delay generator so that a wait which
    /// would overrun MaxRetryTime ends the call with the last error instead of sleeping first.
    /// </summary>
    private bool ShouldRetry(ResilienceContext context, Exception? exception, int attemptNumber)
    {
        if (!(exception is AwsServiceException error) || !AwsRetryPolicy.IsRetryable(error)) return false;
        if (attemptNumber + 1 >= _policy.MaxAttempts) return false;

        Call call = context.Properties.GetValue(CallKey, null!);
        // Throttling is a refusal before anything ran; a timeout, reset or 5xx leaves that unknown.
        if (!call.Request.SafeToResend && !error.IsThrottling)
        {
            Verbose($"{Describe(call.Request)}: not retrying {error.ErrorCode}: the call may already have taken effect");
            return false;
        }
        TimeSpan delay = _policy.DelayBefore(attemptNumber + 1, error);
        TimeSpan elapsed = _time.GetUtcNow() - call.StartedAt;
        if (elapsed + delay > _policy.MaxRetryTime)
        {
            Verbose($"{Describe(call.Request)}: not retrying {error.ErrorCode}: waiting {Seconds(delay)} would pass MaxRetryTime ({Seconds(_policy.MaxRetryTime)})");
            return false;
        }
        call.NextDelay = delay;
        return true;
    }

    private async ValueTask<AwsHttpResponse> AttemptAsync(CancellationToken callerToken, Call call)
    {
        try
        {
            return await SendAttemptAsync(callerToken, call).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            error.EarlierAttemptUnanswered = call.Unanswered;
            call.Unanswered |= error.Unanswered;
            throw;
        }
    }

    private async ValueTask<AwsHttpResponse> SendAttemptAsync(CancellationToken callerToken, Call call)
    {
        int attempt = ++call.Attempts;
        AdaptiveTokenBucket? bucket = _limiter.BucketFor(call.Request.Operation);
        RateGrant grant = default;
        if (bucket != null)
        {
            // Before the attempt's timeout starts: waiting for our own pace is not AWS being slow.
            grant = await bucket.AcquireAsync(callerToken).ConfigureAwait(false);
            if (grant.Waited >= NoticeableWait)
                Verbose($"{Describe(call.Request)}: waited {Seconds(grant.Waited)} for the client-side rate limit of {bucket.Group} ({Rate(bucket.CurrentRate)} of {Rate(bucket.MaxRate)} calls/s) (attempt {attempt})");
        }
        var watch = Stopwatch.StartNew();
        AwsHttpResponse response;
        using (var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(callerToken))
        {
            // Real time on purpose: the attempt waits on the network, and an injected test clock
            // that auto-advances would otherwise time every call out at once.
            // CancelAfter takes at most int.MaxValue ms (~24.8 days); anything longer means "no limit".
            if (_callTimeout.TotalMilliseconds < int.MaxValue) attemptToken.CancelAfter(_callTimeout);
            try
            {
                response = await ExchangeAsync(call.Request, attemptToken.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
            {
                throw Failed(call, attempt, watch, AwsLocalErrorCodes.RequestTimeout,
                    $"no answer within {Seconds(_callTimeout)} (CallTimeout)", null);
            }
            catch (HttpRequestException e) when (!callerToken.IsCancellationRequested)
            {
                string code = IsHostNotFound(e) ? AwsLocalErrorCodes.HostNotFound : AwsLocalErrorCodes.ConnectionError;
                throw Failed(call, attempt, watch, code, $"{Innermost(e).Message} ({_endpoint.Url.GetLeftPart(UriPartial.Authority)})", e);
            }
            catch (IOException e) when (!callerToken.IsCancellationRequested)
            {
                throw Failed(call, attempt, watch, AwsLocalErrorCodes.ConnectionError, $"{e.Message} ({_endpoint.Url.GetLeftPart(UriPartial.Authority)})", e);
            }
        }

        if (response.IsSuccess)
        {
            Verbose($"{Describe(call.Request)}: HTTP {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms (attempt {attempt}{RequestIdText(response.RequestId)})");
            return response;
        }

        using (response)
        {
            AwsErrorDetails details = _errors.Parse(response);
            Verbose($"{Describe(call.Request)}: HTTP {(int)response.StatusCode} {details.Code} in {watch.ElapsedMilliseconds} ms (attempt {attempt}{RequestIdText(response.RequestId)})");
            var error = new AwsServiceException(_service.SigningName, call.Request.Operation, details.Code, details.Message,
                response.StatusCode, response.RequestId)
            {
                Attempts = attempt,
                RetryAfter = response.RetryAfter,
            };
            if (bucket != null && error.IsThrottling && bucket.OnThrottled(grant))
                Verbose($"{Describe(call.Request)}: slowing the client-side rate limit of {bucket.Group} to {Rate(bucket.CurrentRate)} calls/s after {details.Code}");
            throw error;
        }
    }

    private async Task<AwsHttpResponse> ExchangeAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        Uri uri = _endpoint.BuildUri(request.PathAndQuery);
        IDictionary<string, string> signature = await _signer.SignAsync(request.Method, uri, request.Headers, request.Body).ConfigureAwait(false);
        using (var message = new HttpRequestMessage(request.Method, uri))
        {
            ArraySegment<byte> body = request.Body;
            if (body.Count > 0 || request.Headers.ContainsKey("Content-Type"))
                message.Content = new ByteArrayContent(body.Array!, body.Offset, body.Count);
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                    message.Content!.Headers.TryAddWithoutValidation(header.Key, header.Value);
                else
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            foreach (KeyValuePair<string, string> header in signature)
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

            using (HttpResponseMessage http = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
                return await AwsHttpResponse.ReadAsync(http, cancellationToken).ConfigureAwait(false);
        }
    }

    private AwsServiceException Failed(Call call, int attempt, Stopwatch watch, string code, string message, Exception? inner)
    {
        Verbose($"{Describe(call.Request)}: {code} after {watch.ElapsedMilliseconds} ms (attempt {attempt})");
        return new AwsServiceException(_service.SigningName, call.Request.Operation, code, message, null, null, inner) { Attempts = attempt };
    }

    private void ReportRetry(Call call, Exception? exception, TimeSpan delay)
    {
        string reason = exception is AwsServiceException error ? error.ErrorCode : exception?.GetType().Name ?? "failure";
        string source = exception is AwsServiceException withRetryAfter && withRetryAfter.RetryAfter.HasValue ? " (Retry-After)" : "";
        Verbose($"{Describe(call.Request)}: retrying after {reason} in {Seconds(delay)}{source} (attempt {call.Attempts + 1} of {_policy.MaxAttempts})");
    }

    private string Describe(AwsHttpRequest request) =>
        string.IsNullOrEmpty(request.TargetId)
            ? $"{_service.SigningName} {request.Operation}"
            : $"{_service.SigningName} {request.Operation} '{request.TargetId}'";

    private void Verbose(string line) => _verbose?.Invoke(line);

    private static string RequestIdText(string? requestId) => string.IsNullOrEmpty(requestId) ? "" : ", request id " + requestId;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Rate(double perSecond) => perSecond.ToString("0.#", CultureInfo.InvariantCulture);

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }

    private static bool IsHostNotFound(Exception e)
    {
        for (Exception? current = e; current != null; current = current.InnerException)
        {
            if (current is SocketException socket &&
                (socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData))
                return true;
        }
        return false;
    }

    /// <summary>One logical call across its attempts.</summary>
    private sealed class Call
    {
        public Call(AwsHttpRequest request, DateTimeOffset startedAt)
        {
            Request = request;
            StartedAt = startedAt;
        }

        public AwsHttpRequest Request { get; }

        /// <summary>On the injected clock, against which MaxRetryTime is measured.</summary>
        public DateTimeOffset StartedAt { get; }

        public int Attempts { get; set; }

        /// <summary>Some attempt so far got no answer or a server error: the call may have been applied.</summary>
        public bool Unanswered { get; set; }

        public TimeSpan NextDelay { get; set; }
    }
}
