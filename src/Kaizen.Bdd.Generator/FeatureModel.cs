using System.Collections.Generic;

namespace Kaizen.Bdd.Generator
{
    /// <summary>What one generated test class needs.</summary>
    internal sealed class FeatureModel
    {
        public FeatureModel(string @namespace, string className, string uri, string text, string title, bool nonParallel, IReadOnlyList<ScenarioModel> scenarios)
        {
            Namespace = @namespace;
            ClassName = className;
            Uri = uri;
            Text = text;
            Title = title;
            NonParallel = nonParallel;
            Scenarios = scenarios;
        }

        public string Namespace { get; }
        public string ClassName { get; }
        public string Uri { get; }
        public string Text { get; }
        public string Title { get; }
        public bool NonParallel { get; }
        public IReadOnlyList<ScenarioModel> Scenarios { get; }
    }

    /// <summary>One test method: a scenario or an Examples row.</summary>
    internal sealed class ScenarioModel
    {
        public ScenarioModel(string methodName, string displayName, int line, IReadOnlyList<string> categories, string? skipReason)
        {
            MethodName = methodName;
            DisplayName = displayName;
            Line = line;
            Categories = categories;
            SkipReason = skipReason;
        }

        public string MethodName { get; }
        public string DisplayName { get; }

        /// <summary>The pickle's line: the runtime finds the scenario by it.</summary>
        public int Line { get; }

        /// <summary>Inherited tags without <c>@</c>.</summary>
        public IReadOnlyList<string> Categories { get; }
        public string? SkipReason { get; }
    }

    /// <summary>A syntax error at a 1-based line and column.</summary>
    internal sealed class FeatureError
    {
        public FeatureError(int line, int column, string message)
        {
            Line = line;
            Column = column;
            Message = message;
        }

        public int Line { get; }
        public int Column { get; }
        public string Message { get; }
    }
}
