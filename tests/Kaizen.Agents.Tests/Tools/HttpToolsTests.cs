using System.Net;
using System.Net.Sockets;
using System.Text;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>The HTTP tools against a real loopback <see cref="HttpListener"/>.</summary>
[Trait("Category", "tools-lib")]
public sealed class HttpToolsTests : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string Method, string Path, string Body)> _hits = [];
    private readonly HttpClient _client = new();
    private readonly string _base;

    public HttpToolsTests()
    {
        var port = FreePort();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _serving = ServeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _serving; } catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException) { }
        _listener.Close();
        _client.Dispose();
    }

    private int Hits(string path) { lock (_hits) return _hits.Count(h => h.Path == path); }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            lock (_hits) _hits.Add((context.Request.HttpMethod, path, body));
            var (status, text) = path switch
            {
                "/hello" => (200, "hello from loopback"),
                "/echo" => (201, $"{context.Request.ContentType}|{body}"),
                "/broken" => (503, "down"),
                _ => (404, "no such page"),
            };
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(text);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private ToolExecutor Executor(IApprovalHandler? approvals = null) =>
        new(new ToolRegistry().AddHttpTools(_client), approvals: approvals, options: new ToolExecutorOptions { RetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task Get_is_low_risk_runs_without_approval_and_returns_status_and_body()
    {
        var result = await Executor().ExecuteAsync(Call("http_get", new { url = _base + "hello" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        result.Result.Should().Be("HTTP 200 OK\nhello from loopback");
        Hits("/hello").Should().Be(1);
    }

    [Fact]
    public async Task Not_found_is_a_result_not_a_failure()
    {
        var result = await Executor().ExecuteAsync(Call("http_get", new { url = _base + "missing" }), Context, Ct);
        result.Result.As<string>().Should().StartWith("HTTP 404");
    }

    [Fact]
    public async Task Server_error_on_get_is_retried_then_reported()
    {
        var result = await Executor().ExecuteAsync(Call("http_get", new { url = _base + "broken" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("failed after 3 attempt(s)").And.Contain("HTTP 503");
        Hits("/broken").Should().Be(3);
    }

    [Fact]
    public async Task Post_needs_approval_and_sends_nothing_without_it()
    {
        var result = await Executor().ExecuteAsync(Call("http_post", new { url = _base + "echo", body = "{}" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        Hits("/echo").Should().Be(0);
    }

    [Fact]
    public async Task Approved_post_sends_the_body_with_its_content_type()
    {
        var result = await Executor(new CallbackApprovalHandler(_ => true))
            .ExecuteAsync(Call("http_post", new { url = _base + "echo", body = "{\"a\":1}", content_type = "application/json" }), Context, Ct);

        result.Result.Should().Be("HTTP 201 Created\napplication/json; charset=utf-8|{\"a\":1}");
        lock (_hits) _hits.Should().ContainSingle(h => h.Method == "POST" && h.Body == "{\"a\":1}");
    }

    [Theory]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("not a url", "not an absolute URL")]
    public async Task Non_http_urls_are_refused(string url, string reason)
    {
        var result = await Executor().ExecuteAsync(Call("http_get", new { url }), Context, Ct);
        result.Result.As<string>().Should().Contain("refused the call").And.Contain(reason);
    }

    [Fact]
    public async Task Host_allow_list_refuses_other_hosts_before_any_request()
    {
        var executor = new ToolExecutor(new ToolRegistry().AddHttpTools(_client, allowedHosts: ["example.invalid"]));

        var result = await executor.ExecuteAsync(Call("http_get", new { url = _base + "hello" }), Context, Ct);

        result.Result.As<string>().Should().Contain("the host '127.0.0.1' is not in the allowed hosts (example.invalid)");
        Hits("/hello").Should().Be(0);
    }
}
