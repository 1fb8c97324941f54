namespace Kaizen.Specs.Workloads.Research;

/// <summary>A research claim, with the ways a paper may state it and the way a paper contradicts it.</summary>
/// <param name="Id">Short stable id, e.g. <c>C03</c>.</param>
/// <param name="Topic">A few words naming the claim.</param>
/// <param name="Statements">Sentences stating the claim (different wordings).</param>
/// <param name="Contradiction">A sentence contradicting the claim.</param>
public sealed record Claim(string Id, string Topic, IReadOnlyList<string> Statements, string Contradiction);

/// <summary>The claims the generated urban-mobility literature talks about.</summary>
public static class ClaimCatalogue
{
    /// <summary>Every claim, by weight order: the first ones are stated by many papers, the last by few.</summary>
    public static IReadOnlyList<Claim> All { get; } =
    [
        new("C01", "congestion charging cuts traffic",
            ["Congestion charging reduced inner-city traffic volumes by roughly a fifth.",
             "Road pricing zones led to a marked drop in the number of cars entering the centre.",
             "Charging drivers to enter the core lowered traffic within the first year."],
            "Congestion charging had no lasting effect on traffic volumes."),
        new("C02", "protected bike lanes raise cycling",
            ["Protected bike lanes increased cycling trips on the corridors where they were built.",
             "Physically separated cycle tracks attracted new cyclists, especially women and older riders.",
             "Cycling counts rose sharply after kerb-separated lanes opened."],
            "Protected bike lanes did not change how many people cycled."),
        new("C03", "frequent buses beat new lines",
            ["Raising bus frequency won more riders than extending the network.",
             "Passengers responded more to shorter waits than to new routes.",
             "Service frequency was the strongest predictor of bus ridership."],
            "Network extensions attracted more riders than higher frequency."),
        new("C04", "parking caps reduce car commuting",
            ["Capping workplace parking reduced the share of commuters who drive.",
             "Fewer parking spaces at offices went with fewer car commutes."],
            "Limiting parking spaces did not reduce car commuting."),
        new("C05", "low-emission zones improve air quality",
            ["Low-emission zones lowered nitrogen dioxide levels near main roads.",
             "Air quality improved measurably inside low-emission zones."],
            "Low-emission zones showed no measurable effect on air quality."),
        new("C06", "fare-free transit mostly shifts walkers",
            ["Fare-free public transport drew riders mainly from walking and cycling rather than from cars.",
             "Most new riders of free transit had previously walked or cycled."],
            "Fare-free transit drew most of its new riders out of cars."),
        new("C07", "superblocks calm streets",
            ["Superblocks cut through-traffic in residential streets.",
             "Closing interior streets to through-traffic made neighbourhoods quieter."],
            "Superblocks merely displaced traffic without calming streets."),
        new("C08", "e-scooters replace short walks",
            ["Shared e-scooter trips mostly replaced walking rather than driving.",
             "Most e-scooter journeys substituted for trips that would have been walked."],
            "Shared e-scooters mainly replaced car trips."),
        new("C09", "remote work flattens the peak",
            ["Remote work lowered peak-hour demand more than total daily travel.",
             "Working from home flattened the morning peak on transit lines."],
            "Remote work left the morning peak unchanged."),
        new("C10", "tram lines lift property values",
            ["New tram lines raised property values within walking distance of stops.",
             "Homes near new tram stops sold at a premium."],
            "New tram lines had no effect on nearby property values."),
    ];
}
