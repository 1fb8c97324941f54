using Reqnroll.Analytics;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// The runtime plugin: selects the xUnit v3 unit-test provider, switches telemetry off, sends trace output and
/// attachments to the running xUnit test and keeps attachment media types. The generated code declares it with
/// <c>[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]</c> in the test assembly, where Reqnroll always looks.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    /// <summary>The name the unit-test provider is registered and selected under.</summary>
    public const string ProviderName = "kaizen-xunit3";

    /// <inheritdoc />
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            args.ObjectContainer.RegisterTypeAs<TelemetryOff, IEnvironmentReqnrollTelemetryChecker>();
        };
        runtimePluginEvents.CustomizeGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<TelemetryOff, IEnvironmentReqnrollTelemetryChecker>();
            args.ObjectContainer.RegisterTypeAs<MediaTypeMessageFactory, ICucumberMessageFactory>();
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            args.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
    }
}
