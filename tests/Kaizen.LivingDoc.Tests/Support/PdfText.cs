using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>
/// Reads the text of a PDF that Chromium (Skia) printed, with nothing but the BCL: objects are found by their
/// <c>N 0 obj</c> markers, Flate streams inflated with <see cref="ZLibStream"/>, and each page's glyph codes (Identity-H
/// fonts) mapped to Unicode through its fonts' ToUnicode CMaps. Enough for "does the PDF say X", not a general parser.
/// </summary>
internal static partial class PdfText
{
    public sealed record Document(IReadOnlyList<string> Pages);

    public static Document Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes); // one char per byte: string offsets are byte offsets
        var objects = new Dictionary<int, (string Dictionary, byte[]? Stream)>();
        foreach (Match m in ObjectPattern().Matches(text))
        {
            var body = m.Groups[2].Value;
            var streamAt = body.IndexOf("stream", StringComparison.Ordinal);
            if (streamAt < 0) { objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = (body, null); continue; }
            var start = m.Groups[2].Index + streamAt + "stream".Length;
            if (text[start] == '\r') start++;
            if (text[start] == '\n') start++;
            var end = m.Groups[2].Index + body.LastIndexOf("endstream", StringComparison.Ordinal);
            var raw = bytes.AsSpan(start, end - start).ToArray();
            var dictionary = body[..streamAt];
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = (dictionary, dictionary.Contains("/FlateDecode") ? Inflate(raw) : raw);
        }
        var pages = objects.Values.Where(o => PagePattern().IsMatch(o.Dictionary)).Select(o => PageText(o.Dictionary, objects)).ToList();
        return new Document(pages);
    }

    /// <summary>The text without whitespace and with ligatures split (ﬁ → fi): what survives layout.</summary>
    public static string Squeezed(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormKC), @"\s+", "");

    private static string PageText(string page, Dictionary<int, (string Dictionary, byte[]? Stream)> objects)
    {
        var fonts = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        var fontDictionary = FontDictionary(page, objects);
        foreach (Match f in ReferencePattern().Matches(fontDictionary))
            if (objects.TryGetValue(int.Parse(f.Groups[2].Value, CultureInfo.InvariantCulture), out var font) &&
                ToUnicodePattern().Match(font.Dictionary) is { Success: true } toUnicode &&
                objects.TryGetValue(int.Parse(toUnicode.Groups[1].Value, CultureInfo.InvariantCulture), out var cmap) && cmap.Stream is not null)
                fonts[f.Groups[1].Value] = CMap(Encoding.Latin1.GetString(cmap.Stream));
        var contents = ContentsPattern().Match(page);
        var output = new StringBuilder();
        foreach (Match reference in Regex.Matches(contents.Groups[1].Value, @"(\d+) 0 R"))
            if (objects.TryGetValue(int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture), out var content) && content.Stream is not null)
                Decode(Encoding.Latin1.GetString(content.Stream), fonts, output);
        return output.ToString();
    }

    private static string FontDictionary(string page, Dictionary<int, (string Dictionary, byte[]? Stream)> objects)
    {
        var resources = page;
        if (Regex.Match(page, @"/Resources\s+(\d+) 0 R") is { Success: true } r) resources = objects[int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture)].Dictionary;
        if (Regex.Match(resources, @"/Font\s+(\d+) 0 R") is { Success: true } f) return objects[int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture)].Dictionary;
        return Regex.Match(resources, @"/Font\s*<<(.*?)>>", RegexOptions.Singleline).Groups[1].Value.Replace("/", " /");
    }

    // Font selections (/F4 20 Tf), hex glyph strings and ET (end of a text object: a line break in the output).
    private static void Decode(string content, Dictionary<string, Dictionary<int, string>> fonts, StringBuilder output)
    {
        Dictionary<int, string>? font = null;
        foreach (Match token in ContentTokenPattern().Matches(content))
        {
            if (token.Groups["font"].Success) font = fonts.GetValueOrDefault(token.Groups["font"].Value);
            else if (token.Groups["hex"].Success && font is not null)
            {
                var hex = token.Groups["hex"].Value;
                for (var i = 0; i + 4 <= hex.Length; i += 4)
                    output.Append(font.GetValueOrDefault(Convert.ToInt32(hex.Substring(i, 4), 16), ""));
            }
            else if (token.Value == "ET") output.Append('\n');
        }
    }

    private static Dictionary<int, string> CMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in Regex.Matches(cmap, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
            foreach (Match pair in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
                map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Utf16(pair.Groups[2].Value);
        foreach (Match block in Regex.Matches(cmap, @"beginbfrange(.*?)endbfrange", RegexOptions.Singleline))
            foreach (Match range in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
            {
                int from = Convert.ToInt32(range.Groups[1].Value, 16), to = Convert.ToInt32(range.Groups[2].Value, 16), first = Convert.ToInt32(range.Groups[3].Value, 16);
                for (var code = from; code <= to; code++) map[code] = char.ConvertFromUtf32(first + code - from);
            }
        return map;
    }

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    private static byte[] Inflate(byte[] raw)
    {
        using var input = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"(?<!\d)(\d+) 0 obj(.*?)endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"/([A-Za-z0-9_.+-]+)\s+(\d+) 0 R")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/ToUnicode\s+(\d+) 0 R")]
    private static partial Regex ToUnicodePattern();

    [GeneratedRegex(@"/Contents\s+(\[[^\]]*\]|\d+ 0 R)")]
    private static partial Regex ContentsPattern();

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f]+)>|\bET\b")]
    private static partial Regex ContentTokenPattern();
}
