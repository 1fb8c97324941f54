using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>Positional parameters ($1, $2, …) in order; null becomes SQL NULL.</summary>
internal static class CommandParameters
{
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
