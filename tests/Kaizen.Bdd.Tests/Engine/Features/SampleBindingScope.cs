// The CCK samples of this assembly are run programmatically with explicit binding types; their [Binding] classes
// (failing global hooks, clashing steps) must not join the run of the generated sample features.
[assembly: Kaizen.Bdd.ExcludeBindings("Kaizen.Bdd.Tests.Cck")]
