using System.Collections.Generic;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>The AST nodes a pickle points to, by id: scenarios (with their rule), steps (backgrounds too) and Examples rows.</summary>
    internal sealed class AstIndex
    {
        public AstIndex(Feature feature)
        {
            foreach (var child in feature.Children)
            {
                Add(child.Background);
                Add(child.Scenario, null);
                if (child.Rule == null) continue;
                foreach (var ruleChild in child.Rule.Children)
                {
                    Add(ruleChild.Background);
                    Add(ruleChild.Scenario, child.Rule);
                }
            }
        }

        public Dictionary<string, Scenario> Scenarios { get; } = new Dictionary<string, Scenario>();
        public Dictionary<string, Rule> RuleOf { get; } = new Dictionary<string, Rule>();
        public Dictionary<string, Step> Steps { get; } = new Dictionary<string, Step>();
        public Dictionary<string, (Examples Examples, TableRow Row)> Rows { get; } = new Dictionary<string, (Examples, TableRow)>();

        private void Add(Background? background)
        {
            if (background == null) return;
            foreach (var step in background.Steps) Steps[step.Id] = step;
        }

        private void Add(Scenario? scenario, Rule? rule)
        {
            if (scenario == null) return;
            Scenarios[scenario.Id] = scenario;
            if (rule != null) RuleOf[scenario.Id] = rule;
            foreach (var step in scenario.Steps) Steps[step.Id] = step;
            foreach (var examples in scenario.Examples)
                foreach (var row in examples.TableBody) Rows[row.Id] = (examples, row);
        }
    }
}
