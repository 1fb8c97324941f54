namespace Kaizen.LivingDoc.Cli;

/// <summary>Process exit codes of kaizen-livingdoc.</summary>
internal static class ExitCodes
{
    /// <summary>The page was written and every scenario that ran passed.</summary>
    public const int Ok = 0;
    /// <summary>The page was written, but scenarios failed or some input was damaged (see the printed errors).</summary>
    public const int FailuresOrInputErrors = 1;
    /// <summary>Nothing was written: an input is missing or unusable.</summary>
    public const int Unusable = 2;
}
