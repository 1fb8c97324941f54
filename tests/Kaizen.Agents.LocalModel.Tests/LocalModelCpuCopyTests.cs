using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel.Tests.Support;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>Where the faster CPU copy of a model lives, when it is used, and that a bad source is refused before any native work.</summary>
[Trait("Category", "local-model")]
public sealed class LocalModelCpuCopyTests : IDisposable
{
    private readonly ModelFolder _models = new();

    [Fact]
    public void The_copy_lives_beside_the_model_and_names_its_encoding()
    {
        var source = Path.Combine(_models.Path, LocalModelFile.FileName);

        LocalModelCpuCopy.PathFor(source).Should().Be(Path.Combine(_models.Path, "tinyllama-1.1b-chat-v1.0.IQ2_XXS.Q4_K_S.gguf"));
    }

    [Fact]
    public void A_copy_is_used_only_when_it_is_newer_than_the_model_and_not_switched_off()
    {
        var source = FakeModel(LocalModelFile.FileName);
        var copy = LocalModelCpuCopy.PathFor(source);
        LocalModelFile.PreferCpuCopy(source, null).Should().Be(source, "there is no copy yet");

        File.Copy(source, copy);
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(-5));
        LocalModelFile.PreferCpuCopy(source, null).Should().Be(copy);
        LocalModelFile.PreferCpuCopy(source, "1").Should().Be(copy);
        LocalModelFile.PreferCpuCopy(source, "0").Should().Be(source, $"{LocalModelCpuCopy.EnvironmentVariable}=0 switches the copy off");

        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(5));
        LocalModelCpuCopy.IsCurrent(source).Should().BeFalse("the model was installed again after the copy was written");
        LocalModelFile.PreferCpuCopy(source, null).Should().Be(source);
    }

    [Fact]
    public void A_copy_and_a_model_behind_symbolic_links_are_judged_by_the_files_they_point_to()
    {
        Directory.CreateDirectory(Path.Combine(_models.Path, "real"));
        var source = FakeModel(Path.Combine("real", LocalModelFile.FileName));
        var copy = LocalModelCpuCopy.PathFor(source);
        File.Copy(source, copy);
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(-5));
        var linked = Path.Combine(_models.Path, LocalModelFile.FileName);
        File.CreateSymbolicLink(linked, source);
        File.CreateSymbolicLink(LocalModelCpuCopy.PathFor(linked), copy);

        LocalModelFile.PreferCpuCopy(linked, null).Should().Be(LocalModelCpuCopy.PathFor(linked), "the linked copy is a full-size file newer than the linked model");
    }

    [Fact]
    public void A_copy_too_small_to_be_a_model_is_not_used()
    {
        var source = FakeModel("model.gguf");
        File.WriteAllBytes(LocalModelCpuCopy.PathFor(source), "GGUF"u8.ToArray());

        LocalModelFile.PreferCpuCopy(source, null).Should().Be(source);
    }

    [Fact]
    public async Task A_source_that_is_not_a_model_is_refused_and_no_copy_or_partial_file_is_left()
    {
        var source = Path.Combine(_models.Path, "model.gguf");
        await File.WriteAllBytesAsync(source, new byte[2 * 1024 * 1024], TestContext.Current.CancellationToken);

        await FluentActions.Awaiting(() => LocalModelCpuCopy.CreateAsync(source, cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<LlmProviderException>().Where(e => e.Message.Contains(source) && e.Message.Contains("not a GGUF"));
        Directory.GetFiles(_models.Path).Should().Equal(source);
    }

    private string FakeModel(string name) => _models.FakeModel(name);

    public void Dispose() => _models.Dispose();
}
