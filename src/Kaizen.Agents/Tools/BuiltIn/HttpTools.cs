using System.ComponentModel;
using System.Net;
using System.Text;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// The HTTP tools: <c>http_get</c> (Low) and <c>http_post</c> (Medium). Only http and https URLs; when
/// <paramref name="allowedHosts"/> is given, only those hosts (guards against requests into an internal network).
/// </summary>
public sealed class HttpTools(HttpClient client, IReadOnlyCollection<string>? allowedHosts = null, int maxResponseChars = 20_000)
{
    private readonly HttpClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly HashSet<string>? _allowedHosts = allowedHosts is null ? null : new HashSet<string>(allowedHosts, StringComparer.OrdinalIgnoreCase);

    /// <summary><c>http_get</c>: returns "HTTP status" and the body. A 5xx answer throws so the executor retries it.</summary>
    public AIFunction Get() => AIFunctionFactory.Create(
        async ([Description("Absolute http or https URL")] string url, CancellationToken cancellationToken) =>
        {
            using var response = await _client.GetAsync(CheckedUri(url), cancellationToken).ConfigureAwait(false);
            return await DescribeAsync(response, cancellationToken).ConfigureAwait(false);
        },
        "http_get", "Sends an HTTP GET request and returns the status and body.");

    /// <summary><c>http_post</c>: posts a body with a content type; returns the status and body.</summary>
    public AIFunction Post() => AIFunctionFactory.Create(
        async ([Description("Absolute http or https URL")] string url,
               [Description("The request body")] string body,
               [Description("The body's media type")] string content_type = "application/json",
               CancellationToken cancellationToken = default) =>
        {
            using var content = new StringContent(body, Encoding.UTF8, string.IsNullOrWhiteSpace(content_type) ? "text/plain" : content_type);
            using var response = await _client.PostAsync(CheckedUri(url), content, cancellationToken).ConfigureAwait(false);
            return await DescribeAsync(response, cancellationToken).ConfigureAwait(false);
        },
        "http_post", "Sends an HTTP POST request with a body and returns the status and body.");

    private Uri CheckedUri(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new ToolRefusedException($"'{url}' is not an absolute URL.");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new ToolRefusedException($"'{url}' uses the scheme '{uri.Scheme}'; only http and https are allowed.");
        if (_allowedHosts is not null && !_allowedHosts.Contains(uri.Host))
            throw new ToolRefusedException($"the host '{uri.Host}' is not in the allowed hosts ({string.Join(", ", _allowedHosts)}).");
        return uri;
    }

    private async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length > maxResponseChars) body = body[..maxResponseChars] + "\n[truncated]";
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
        return $"HTTP {(int)response.StatusCode} {ReasonOf(response)}\n{body}";
    }

    private static string ReasonOf(HttpResponseMessage response) =>
        response.ReasonPhrase ?? (Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : "");
}
