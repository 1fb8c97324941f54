using System.Collections.Generic;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>What one generated test class needs.</summary>
    internal sealed class FeatureModel
    {
        public FeatureModel(string @namespace, string className, string uri, string text, string language, string title, string description,
            IReadOnlyList<string> tags, bool nonParallel, IReadOnlyList<TestModel> tests)
        {
            Namespace = @namespace;
            ClassName = className;
            Uri = uri;
            Text = text;
            Language = language;
            Title = title;
            Description = description;
            Tags = tags;
            NonParallel = nonParallel;
            Tests = tests;
        }

        public string Namespace { get; }
        public string ClassName { get; }

        /// <summary>The feature's path as reported (<c>features/memory/hot_tier.feature</c>).</summary>
        public string Uri { get; }
        public string Text { get; }

        /// <summary>The feature culture (<c>language.feature</c> of reqnroll.json).</summary>
        public string Language { get; }
        public string Title { get; }
        public string Description { get; }

        /// <summary>The feature's own tags, with <c>@</c>.</summary>
        public IReadOnlyList<string> Tags { get; }
        public bool NonParallel { get; }
        public IReadOnlyList<TestModel> Tests { get; }

        /// <summary>The folder part of <see cref="Uri"/>.</summary>
        public string FolderPath => Uri.LastIndexOf('/') is var slash && slash > 0 ? Uri.Substring(0, slash) : string.Empty;
    }

    /// <summary>A rule a scenario belongs to.</summary>
    internal sealed class RuleModel
    {
        public RuleModel(string title, string description, IReadOnlyList<string> tags)
        {
            Title = title;
            Description = description;
            Tags = tags;
        }

        public string Title { get; }
        public string Description { get; }
        public IReadOnlyList<string> Tags { get; }
    }

    /// <summary>
    /// One test method: a scenario (a fact, one pickle) or a scenario outline (a theory, one row per Examples row).
    /// </summary>
    internal sealed class TestModel
    {
        public TestModel(string methodName, string title, string description, IReadOnlyList<string> scenarioTags, IReadOnlyList<string> inheritedTags,
            RuleModel? rule, IReadOnlyList<string> categories, IReadOnlyList<StepModel> steps, ExampleRowModel? single, IReadOnlyList<ExampleRowModel> rows)
        {
            MethodName = methodName;
            Title = title;
            Description = description;
            ScenarioTags = scenarioTags;
            InheritedTags = inheritedTags;
            Rule = rule;
            Categories = categories;
            Steps = steps;
            Single = single;
            Rows = rows;
        }

        public string MethodName { get; }
        public string Title { get; }
        public string Description { get; }

        /// <summary>The scenario's own tags, with <c>@</c> (an Examples row adds its block's tags).</summary>
        public IReadOnlyList<string> ScenarioTags { get; }

        /// <summary>The feature's and rule's tags, with <c>@</c>.</summary>
        public IReadOnlyList<string> InheritedTags { get; }
        public RuleModel? Rule { get; }

        /// <summary>Category traits of the method: every inherited tag without <c>@</c> (rows add their Examples tags).</summary>
        public IReadOnlyList<string> Categories { get; }

        /// <summary>The steps in pickle order (backgrounds first); outline steps keep their <c>&lt;placeholders&gt;</c>.</summary>
        public IReadOnlyList<StepModel> Steps { get; }

        /// <summary>The pickle of a plain scenario; null for an outline.</summary>
        public ExampleRowModel? Single { get; }

        /// <summary>The rows of an outline, in pickle order.</summary>
        public IReadOnlyList<ExampleRowModel> Rows { get; }

        public bool IsOutline => Single == null;
    }

    /// <summary>One pickle: a scenario, or one Examples row of an outline.</summary>
    internal sealed class ExampleRowModel
    {
        public ExampleRowModel(int pickleIndex, string displayName, IReadOnlyList<string> headers, IReadOnlyList<string> values,
            IReadOnlyList<string> exampleTags, IReadOnlyList<string> extraCategories, string? skipReason)
        {
            PickleIndex = pickleIndex;
            DisplayName = displayName;
            Headers = headers;
            Values = values;
            ExampleTags = exampleTags;
            ExtraCategories = extraCategories;
            SkipReason = skipReason;
        }

        /// <summary>The pickle's position in Gherkin's compiler order: Reqnroll finds the pickle by it.</summary>
        public int PickleIndex { get; }
        public string DisplayName { get; }
        public IReadOnlyList<string> Headers { get; }
        public IReadOnlyList<string> Values { get; }

        /// <summary>The tags of the row's Examples block, with <c>@</c>.</summary>
        public IReadOnlyList<string> ExampleTags { get; }

        /// <summary>Category traits of this row beyond the method's.</summary>
        public IReadOnlyList<string> ExtraCategories { get; }
        public string? SkipReason { get; }
    }

    /// <summary>A step call: which runner method, the keyword as written, the text, the DocString and table.</summary>
    internal sealed class StepModel
    {
        public StepModel(string runnerMethod, string keyword, string text, string? docString, IReadOnlyList<IReadOnlyList<string>>? table)
        {
            RunnerMethod = runnerMethod;
            Keyword = keyword;
            Text = text;
            DocString = docString;
            Table = table;
        }

        /// <summary><c>GivenAsync</c>, <c>WhenAsync</c> or <c>ThenAsync</c> (conjunctions resolved as Gherkin's pickles resolve them).</summary>
        public string RunnerMethod { get; }
        public string Keyword { get; }
        public string Text { get; }
        public string? DocString { get; }

        /// <summary>Header row first.</summary>
        public IReadOnlyList<IReadOnlyList<string>>? Table { get; }
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
