using Reqnroll.Analytics;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Reqnroll's telemetry stays off: nothing is ever sent, whatever the environment says.</summary>
public sealed class TelemetryOff : IEnvironmentReqnrollTelemetryChecker
{
    /// <inheritdoc />
    public bool IsReqnrollTelemetryEnabled() => false;
}
