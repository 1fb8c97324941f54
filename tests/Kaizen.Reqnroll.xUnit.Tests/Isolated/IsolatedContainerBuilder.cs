using global::Reqnroll.BoDi;
using global::Reqnroll.Formatters.Configuration;
using global::Reqnroll.Infrastructure;

namespace Kaizen.Reqnroll.xUnit.Tests.Isolated;

/// <summary>
/// Reqnroll's container builder, configured for one isolated project (reqnroll.json and REQNROLL_FORMATTERS are
/// process-wide, the projects are not): only the message formatter, writing to the given file, and, when given, the
/// project's own reqnroll.json text.
/// </summary>
internal sealed class IsolatedContainerBuilder(string messagesFile, string? reqnrollJson = null) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterInstanceAs<IFormattersConfigurationProvider>(new MessageFormatterOnly(messagesFile));
        if (reqnrollJson is not null)
            container.RegisterInstanceAs<global::Reqnroll.Configuration.IRuntimeConfigurationProvider>(new global::Reqnroll.Configuration.JsonStringRuntimeConfigurationProvider(reqnrollJson));
    }

    private sealed class MessageFormatterOnly(string path) : IFormattersConfigurationProvider
    {
        public bool Enabled => true;

        public IDictionary<string, object>? GetFormatterConfigurationByName(string formatterName) =>
            formatterName == "message" ? new Dictionary<string, object> { ["outputFilePath"] = path } : null;

        public string ResolveTemplatePlaceholders(string template) => template;
    }
}
