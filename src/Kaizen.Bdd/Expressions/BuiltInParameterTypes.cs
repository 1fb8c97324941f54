namespace Kaizen.Bdd.Expressions;

/// <summary>The parameter types every Cucumber Expression knows.</summary>
internal static class BuiltInParameterTypes
{
    private const string Integer = @"-?\d+";
    private const string Float = @"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?";
    // Cucumber's own regex, inner groups capturing: the group tree in messages must match the kit's.
    private const string QuotedString = "\"([^\"\\\\]*(\\\\.[^\"\\\\]*)*)\"|'([^'\\\\]*(\\\\.[^'\\\\]*)*)'";
    private const string Guid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public static IReadOnlyList<ParameterTypeDefinition> All { get; } =
    [
        new("int", [Integer], typeof(int)),
        new("long", [Integer], typeof(long)),
        new("byte", [Integer], typeof(byte)),
        new("short", [Integer], typeof(short)),
        new("biginteger", [Integer], typeof(System.Numerics.BigInteger)),
        new("float", [Float], typeof(float)),
        new("double", [Float], typeof(double)),
        new("decimal", [Float], typeof(decimal)),
        new("bigdecimal", [Float], typeof(decimal)),
        new("string", [QuotedString], typeof(string)),
        new("word", [@"[^\s]+"], typeof(string)),
        new("", [".*"], typeof(string)),
        new("DateTime", [".*"], typeof(DateTime)),
        new("Guid", [Guid], typeof(Guid)),
    ];
}
