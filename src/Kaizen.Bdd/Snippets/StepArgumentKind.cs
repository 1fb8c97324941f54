namespace Kaizen.Bdd.Snippets;

/// <summary>The extra argument a Gherkin step carries after its text.</summary>
public enum StepArgumentKind
{
    /// <summary>No table or doc string.</summary>
    None,

    /// <summary>The step has a data table.</summary>
    DataTable,

    /// <summary>The step has a doc string.</summary>
    DocString,
}
