namespace Kaizen.Bdd.Configuration;

/// <summary>Turns tags into links in reports: <c>issue:(?&lt;id&gt;\d+)</c> + <c>https://host/issues/{id}</c>.</summary>
/// <param name="TagPattern">A regular expression matched against the tag name (without <c>@</c>), with named groups.</param>
/// <param name="UrlTemplate">The URL, with <c>{group}</c> placeholders.</param>
public sealed record TagLink(string TagPattern, string UrlTemplate);
