using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>Feature text is data: whatever it contains, it cannot end the page's script or inject markup.</summary>
[Trait("Category", "livingdoc")]
public sealed class PageSafetyTests
{
    public static string HostileFeatures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile");

    [Fact]
    public async Task Script_endings_raw_html_and_javascript_links_in_features_stay_inert()
    {
        var (model, _, html) = await DocRendering.RenderAsync(HostileFeatures, [], title: "Title </title><script>window.pwned=5</script>");

        html.Should().NotContain("<script>window.pwned").And.NotContain("</script><script>");
        html.Should().Contain("<title>Title &lt;/title&gt;&lt;script&gt;window.pwned=5&lt;/script&gt;</title>");
        var description = model.Features.Single().DescriptionHtml;
        description.Should().NotContain("javascript:").And.NotContain("<img");
        description.Should().Contain("<a href=\"https://example.invalid/docs\">real link</a>").And.Contain("<a href=\"#\">look like links</a>");
        model.Features.Single().Name.Should().Be("Escape </script><script>window.pwned = 1</script>", "the model keeps the text; only its encoding is safe");
    }
}
