using System.Text;
using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class BadInputTests
{
    [Fact]
    public async Task Empty_content_is_stored_as_documented()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();

        var turn = await memory.StoreTurnAsync("assistant", "", MemoryTestData.Start);

        turn.Content.Should().BeEmpty();
        (await memory.LoadHotTierAsync(1, TestContext.Current.CancellationToken))[0].Content.Should().BeEmpty();
    }

    [Fact]
    public async Task Null_content_and_an_empty_role_are_rejected_and_nothing_is_stored()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();

        await FluentActions.Awaiting(() => memory.StoreTurnAsync("user", null!, MemoryTestData.Start)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => memory.StoreTurnAsync(" ", "x", MemoryTestData.Start)).Should().ThrowAsync<ArgumentException>();
        (await memory.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(0);
    }

    [Fact]
    public async Task One_megabyte_of_content_round_trips_and_stays_searchable()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        var builder = new StringBuilder();
        while (builder.Length < 1024 * 1024) builder.Append("log line ").Append(builder.Length).Append(" zebra giraffe\n");
        var huge = builder.ToString();

        var stored = await memory.StoreTurnAsync("tool", huge, MemoryTestData.Start);
        await memory.DisposeAsync();
        var reopened = folder.Open();

        var loaded = await reopened.GetTurnAsync(stored.Id, TestContext.Current.CancellationToken);
        loaded!.Content.Should().HaveLength(huge.Length).And.Be(huge);
        (await reopened.SearchColdAsync("zebra giraffe", 1, TestContext.Current.CancellationToken))[0].Turn.Id.Should().Be(stored.Id);
    }

    [Fact]
    public async Task Content_above_the_limit_is_a_clear_error_and_earlier_turns_are_kept()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { MaxContentBytes = 1000 });
        await memory.StoreTurnAsync("user", "kept", MemoryTestData.Start);

        await FluentActions.Awaiting(() => memory.StoreTurnAsync("tool", new string('x', 1001), MemoryTestData.Start))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*1,001*limit is 1,000*MaxContentBytes*");
        (await memory.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("kept");
    }

    [Fact]
    public async Task A_file_that_is_not_LiteDB_is_refused_with_its_name_and_left_untouched()
    {
        await using var folder = new TempMemoryFolder();
        var path = folder.File("notes.txt");
        var original = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("these are my precious notes, not a database\n", 500)));
        await File.WriteAllBytesAsync(path, original, TestContext.Current.CancellationToken);
        var memory = folder.Open(database: path);

        var attempt = () => memory.StoreTurnAsync("user", "hello", MemoryTestData.Start);

        (await attempt.Should().ThrowAsync<MemoryStoreException>()).Which.Message.Should().Contain(path).And.Contain("not a LiteDB database");
        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).Should().Equal(original);
        Directory.GetFiles(folder.Path).Where(f => !f.EndsWith(".kaizen-lock")).Should().Equal(path);
    }

    [Fact]
    public async Task A_missing_folder_is_a_clear_error()
    {
        await using var folder = new TempMemoryFolder();
        var path = Path.Combine(folder.Path, "missing", "memory.db");

        var create = () => new LiteDbMemoryBackend(path, "s");

        create.Should().Throw<MemoryStoreException>().WithMessage($"*{Path.Combine(folder.Path, "missing")}*does not exist*");
    }

    [Fact]
    public void Invalid_options_and_session_ids_are_rejected()
    {
        FluentActions.Invoking(() => new LiteDbMemoryBackend("x.db", "")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new LiteDbMemoryBackend("x.db", "s", new MemoryOptions { WarmTierSize = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*WarmTierSize*");
    }

    [Fact]
    public async Task A_connection_string_with_a_password_works_and_the_same_file_opens_again()
    {
        await using var folder = new TempMemoryFolder();
        var connection = $"Filename={folder.DatabasePath};Password=s3cret";
        var memory = folder.Open(database: connection);
        await memory.StoreTurnAsync("user", "encrypted hello", MemoryTestData.Start);
        await memory.DisposeAsync();

        var again = folder.Open(database: connection);
        (await again.LoadHotTierAsync(1, TestContext.Current.CancellationToken))[0].Content.Should().Be("encrypted hello");
        (await File.ReadAllTextAsync(folder.DatabasePath, TestContext.Current.CancellationToken)).Should().NotContain("encrypted hello");
    }

    [Fact]
    public async Task A_second_single_process_owner_times_out_with_advice_instead_of_corrupting_the_file()
    {
        await using var folder = new TempMemoryFolder();
        var owner = folder.Open();
        await owner.StoreTurnAsync("user", "mine", MemoryTestData.Start);

        var result = await TestWriterProcess.RunAsync(folder.DatabasePath, "intruder", writer: 1, turns: 1, "single-with-short-timeout", "per-turn");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("MemoryConcurrency.MultiProcess");
        (await owner.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("mine");
    }
}
