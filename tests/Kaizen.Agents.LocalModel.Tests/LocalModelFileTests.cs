using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel.Tests.Support;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>Unusable model files are reported in managed code, naming the file and the install command.</summary>
[Trait("Category", "local-model")]
public sealed class LocalModelFileTests : IDisposable
{
    private readonly ModelFolder _models = new();

    [Fact]
    public void A_missing_file_names_the_file_and_the_install_command()
    {
        var path = Path.Combine(_models.Path, LocalModelFile.FileName);
        FluentActions.Invoking(() => LocalModelFile.Validate(path))
            .Should().Throw<LlmProviderException>()
            .Where(e => e.Message.Contains(path) && e.Message.Contains("tools/model/install.sh") && e.Message.Contains("is missing") && !e.IsTransient);
    }

    [Fact]
    public void A_tiny_file_is_reported_as_too_small()
    {
        var path = Write("model.gguf", "GGUF"u8.ToArray());
        FluentActions.Invoking(() => LocalModelFile.Validate(path))
            .Should().Throw<LlmProviderException>().Where(e => e.Message.Contains(path) && e.Message.Contains("too small") && e.Message.Contains("tools/model/install.sh"));
    }

    [Fact]
    public void A_large_file_that_is_not_gguf_is_reported_before_any_native_call()
    {
        var path = Write("model.gguf", new byte[2 * 1024 * 1024]);
        FluentActions.Invoking(() => new LocalChatClient(new LocalModelOptions { ModelPath = path, Threads = 2 }))
            .Should().Throw<LlmProviderException>().Where(e => e.Message.Contains(path) && e.Message.Contains("not a GGUF") && e.Message.Contains("tools/model/install.sh"));
    }

    [Fact]
    public void A_truncated_default_model_is_reported_as_incomplete()
    {
        var path = _models.FakeModel(LocalModelFile.FileName);
        FluentActions.Invoking(() => LocalModelFile.Validate(path))
            .Should().Throw<LlmProviderException>().Where(e => e.Message.Contains(path) && e.Message.Contains("incomplete or corrupt") && e.Message.Contains("tools/model/install.sh"));
    }

    [Fact]
    public void A_symbolic_link_to_the_installed_model_is_accepted()
    {
        var link = Path.Combine(_models.Path, LocalModelFile.FileName);
        File.CreateSymbolicLink(link, LocalModelFile.DefaultPath);
        FluentActions.Invoking(() => LocalModelFile.Validate(link)).Should().NotThrow("the size and magic are the linked file's");
    }

    [Fact]
    public void A_dangling_symbolic_link_is_reported()
    {
        var link = Path.Combine(_models.Path, "model.gguf");
        File.CreateSymbolicLink(link, Path.Combine(_models.Path, "gone.gguf"));
        FluentActions.Invoking(() => LocalModelFile.Validate(link))
            .Should().Throw<LlmProviderException>().Where(e => e.Message.Contains(link) && e.Message.Contains("tools/model/install.sh"));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_search()
    {
        var configured = Path.Combine(_models.Path, "elsewhere.gguf");
        LocalModelFile.Resolve(configured, _models.Path).Should().Be(configured);
    }

    [Fact]
    public void The_search_walks_up_to_tools_model()
    {
        var model = Write(Path.Combine("tools", "model", LocalModelFile.FileName), [1]);
        var deep = Directory.CreateDirectory(Path.Combine(_models.Path, "a", "b", "c")).FullName;
        LocalModelFile.Resolve(null, deep).Should().Be(model);
    }

    [Fact]
    public void The_repository_model_is_found_from_the_test_output_folder()
    {
        var expected = Path.Combine(Kaizen.Build.RepositoryRoot.Path, "tools", "model", LocalModelFile.FileName);
        if (Environment.GetEnvironmentVariable(LocalModelFile.EnvironmentVariable) is { Length: > 0 } configured) expected = Path.GetFullPath(configured);
        LocalModelFile.InstalledPath.Should().Be(expected);
        LocalModelFile.DefaultPath.Should().BeOneOf(expected, LocalModelCpuCopy.PathFor(expected));
        FluentActions.Invoking(() => LocalModelFile.Validate(LocalModelFile.DefaultPath)).Should().NotThrow("the model is installed by tools/model/install.sh before the tests run");
    }

    [Fact]
    public void The_default_model_and_its_cpu_copy_have_known_digests_at_their_exact_sizes_only()
    {
        var copy = LocalModelCpuCopy.PathFor(Path.Combine(_models.Path, LocalModelFile.FileName));

        LocalModelFile.KnownSha256(LocalModelFile.FileName, 322_591_712).Should().Be("9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0");
        LocalModelFile.KnownSha256(copy, 631_167_968).Should().Be("32a8ee3db1287193f29abb5b59daab1ab186e882d77c8bd52b8d45b59acf9d53");
        LocalModelFile.KnownSha256(LocalModelFile.FileName, 322_591_711).Should().BeNull("a file of another size is not the installed model");
        LocalModelFile.KnownSha256(copy, 322_591_712).Should().BeNull();
        LocalModelFile.KnownSha256("other.gguf", 322_591_712).Should().BeNull();
    }

    private string Write(string relative, byte[] content) => _models.Write(relative, content);

    public void Dispose() => _models.Dispose();
}
