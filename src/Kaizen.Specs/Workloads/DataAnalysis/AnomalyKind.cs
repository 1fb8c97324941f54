namespace Kaizen.Specs.Workloads.DataAnalysis;

/// <summary>The kinds of anomaly planted in a generated sales file.</summary>
public enum AnomalyKind
{
    /// <summary>A quantity below zero.</summary>
    NegativeQuantity,
    /// <summary>A total that is not quantity × unit price.</summary>
    TotalMismatch,
    /// <summary>An order id already used by the row just before.</summary>
    DuplicateId,
    /// <summary>An empty region.</summary>
    MissingRegion,
    /// <summary>A quantity at least ten times the largest ordinary one.</summary>
    OutlierQuantity,
    /// <summary>An order dated after the end of the reporting period.</summary>
    FutureDate,
}

/// <summary>An anomaly planted at a known row: the truth an analysis is checked against.</summary>
/// <param name="Row">1-based data row (the header is row 0).</param>
/// <param name="OrderId">The row's order id.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record PlantedAnomaly(int Row, string OrderId, AnomalyKind Kind);
