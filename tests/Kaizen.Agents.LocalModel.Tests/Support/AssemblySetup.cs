// The model tests share one loaded model and one CPU budget; xunit.runner.json runs the test classes one at a time.
[assembly: AssemblyFixture(typeof(Kaizen.Agents.LocalModel.Tests.Support.LocalModelFixture))]
