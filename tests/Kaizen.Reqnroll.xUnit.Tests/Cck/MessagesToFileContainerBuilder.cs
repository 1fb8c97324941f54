using global::Reqnroll.BoDi;
using global::Reqnroll.Formatters.Configuration;
using global::Reqnroll.Infrastructure;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Reqnroll's container builder, with formatters configured for one sample: only the message formatter, writing to
/// the given file (reqnroll.json and REQNROLL_FORMATTERS are process-wide, the samples are not).
/// </summary>
internal sealed class MessagesToFileContainerBuilder(string messagesFile) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterInstanceAs<IFormattersConfigurationProvider>(new MessageFormatterOnly(messagesFile));
    }

    private sealed class MessageFormatterOnly(string path) : IFormattersConfigurationProvider
    {
        public bool Enabled => true;

        public IDictionary<string, object>? GetFormatterConfigurationByName(string formatterName) =>
            formatterName == "message" ? new Dictionary<string, object> { ["outputFilePath"] = path } : null;

        public string ResolveTemplatePlaceholders(string template) => template;
    }
}
