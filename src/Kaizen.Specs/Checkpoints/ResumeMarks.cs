namespace Kaizen.Specs.Checkpoints;

/// <summary>Where the scenario's events and model calls stood when the user resumed, shared by the checkpoint step classes.</summary>
public sealed class ResumeMarks
{
    /// <summary>Events recorded before the resume.</summary>
    public int EventsBefore { get; set; }

    /// <summary>Model calls made before the resume.</summary>
    public int CallsBefore { get; set; }
}
