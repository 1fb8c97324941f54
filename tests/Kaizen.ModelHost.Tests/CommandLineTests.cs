using Kaizen.ModelHost.Tests.Support;

namespace Kaizen.ModelHost.Tests;

/// <summary>The host's command line: the address line, loopback only, clear start-up errors.</summary>
[Trait("Category", "model-host")]
public sealed class CommandLineTests(ScriptedHostFixture fixture) : IClassFixture<ScriptedHostFixture>
{
    [Fact]
    public void Port_zero_binds_a_free_loopback_port_and_the_first_stdout_line_names_it()
    {
        ModelHostProcess.IsLoopback(fixture.Host.Address).Should().BeTrue();
        fixture.Host.Address.Port.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_non_loopback_address_is_refused_without_allow_remote()
    {
        var (exit, stdout, stderr) = await ModelHostProcess.RunToExitAsync(["--backend", "scripted", "--urls", "http://0.0.0.0:0"]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Contain("not a loopback address").And.Contain("--allow-remote");
        stderr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public async Task A_missing_model_file_is_one_line_naming_the_file_and_the_install_script()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.gguf");

        var (exit, stdout, stderr) = await ModelHostProcess.RunToExitAsync(["--backend", "local", "--model-file", missing, "--urls", "http://127.0.0.1:0"]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(missing).And.Contain("tools/model/install.sh");
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_is_refused_before_any_native_call()
    {
        var bogus = Path.Combine(Path.GetTempPath(), $"bogus-{Guid.NewGuid():N}.gguf");
        await File.WriteAllBytesAsync(bogus, new byte[2 * 1024 * 1024], TestContext.Current.CancellationToken);
        try
        {
            var (exit, _, stderr) = await ModelHostProcess.RunToExitAsync(["--backend", "local", "--model-file", bogus, "--urls", "http://127.0.0.1:0"]);

            exit.Should().Be(2);
            stderr.Should().Contain(bogus).And.Contain("GGUF").And.Contain("tools/model/install.sh");
        }
        finally
        {
            File.Delete(bogus);
        }
    }

    [Fact]
    public async Task Preparing_the_cpu_copy_of_a_missing_model_exits_2_naming_the_file_and_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("kaizen-prepare-").FullName;
        try
        {
            var missing = Path.Combine(folder, "absent.gguf");

            var (exit, stdout, stderr) = await ModelHostProcess.RunToExitAsync(["--prepare-cpu-copy", "--model-file", missing]);

            exit.Should().Be(2);
            stdout.Should().BeEmpty();
            stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(missing).And.Contain("tools/model/install.sh");
            Directory.GetFileSystemEntries(folder).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--backend", "cloud", "not a backend")]
    [InlineData("--parallel", "0", "not a positive whole number")]
    [InlineData("--frobnicate", "1", "Unknown option")]
    public async Task Bad_options_are_refused_with_the_reason(string option, string value, string reason)
    {
        var (exit, _, stderr) = await ModelHostProcess.RunToExitAsync([option, value]);

        exit.Should().Be(2);
        stderr.Should().Contain(reason);
    }
}
