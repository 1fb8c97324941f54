using System.Globalization;
using System.Text;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>Identifiers and literals for generated C#.</summary>
    internal static class CSharpText
    {
        /// <summary>A regular string literal with escapes.</summary>
        public static string Literal(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else builder.Append(c);
                        break;
                }
            }
            return builder.Append('"').ToString();
        }

        /// <summary>A verbatim string literal (feature sources keep their layout).</summary>
        public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        /// <summary>PascalCase identifier from arbitrary text: <c>hot_tier memory</c> -> <c>HotTierMemory</c>.</summary>
        public static string Identifier(string text, string fallback)
        {
            var builder = new StringBuilder();
            var upper = true;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else upper = true;
            }
            if (builder.Length == 0) builder.Append(fallback);
            if (char.IsDigit(builder[0])) builder.Insert(0, '_');
            return builder.ToString();
        }
    }
}
