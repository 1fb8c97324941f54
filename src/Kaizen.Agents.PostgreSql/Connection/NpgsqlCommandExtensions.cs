using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>Positional parameters ($1, $2, …) in order (null becomes SQL NULL), and reading every row of a query.</summary>
internal static class NpgsqlCommandExtensions
{
    /// <summary>Runs the query and maps each row, in order.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        return rows;
    }

    public static NpgsqlCommand WithValues(this NpgsqlCommand command, params object?[] values)
    {
        Add(command.Parameters, values);
        return command;
    }

    public static NpgsqlBatchCommand WithValues(this NpgsqlBatchCommand command, params object?[] values)
    {
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values) parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}
