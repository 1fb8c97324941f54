using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Tools.Web;

/// <summary>Steps about the built-in HTTP tools against a <see cref="TestWebServer"/> on the loopback address.</summary>
[Binding]
public sealed class HttpToolSteps(ToolWorld tools, ScenarioWorkspace workspace)
{
    // One client for every scenario, as HttpClient is meant to be used; each scenario's server has a port of its own.
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(20) };

    private TestWebServer? _server;

    private TestWebServer Server => _server ?? throw new InvalidOperationException("No test web server was started.");

    [Given("a test web server on 127.0.0.1")]
    public void StartServer() => _server = workspace.Track(new TestWebServer());

    [Given("an agent with the HTTP tools, allowed to reach only {word}")]
    public void HttpTools(string host)
    {
        tools.Registry.AddHttpTools(Client, [host]);
        tools.Equip();
    }

    // {server} stands for the test server's root and {port} for its port, both known only once it listens.
    [When("a call to {string} arrives for the test web server with the arguments {string}")]
    public Task CallArrives(string tool, string json) =>
        tools.HandToExecutorAsync(tool, json.Replace("{server}", Server.Address).Replace("{port}", Server.Port.ToString()));

    [Then("the test web server received no request")]
    public void NoRequest() => Server.Requests.Should().BeEmpty("the tool must refuse the address before any request leaves");

    [Then("the test web server received {int} request(s), each {string}")]
    public void Received(int count, string request) =>
        Server.Requests.Should().HaveCount(count).And.AllBe(request);
}
