using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.ParameterTypes;

public sealed record Flight(string From, string To);

[Binding]
public sealed class ParameterTypesSteps
{
    [StepArgumentTransformation("([A-Z]{3})-([A-Z]{3})", Name = "flight")]
    public Flight ToFlight(string from, string to) => new(from, to);

    [Given("{flight} has been delayed")]
    public void HasBeenDelayed(Flight flight)
    {
        if (flight != new Flight("LHR", "CDG"))
            throw new InvalidOperationException($"Expected LHR-CDG but got {flight}.");
    }
}
