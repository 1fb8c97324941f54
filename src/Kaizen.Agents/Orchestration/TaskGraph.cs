namespace Kaizen.Agents.Orchestration;

/// <summary>Checks a batch of tasks: unique ids, known dependencies, no cycles.</summary>
internal static class TaskGraph
{
    public static void Validate(IReadOnlyList<AgentTask> tasks)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!ids.Add(task.Id)) throw new ArgumentException($"Two tasks have the id '{task.Id}'; ids must be unique.", nameof(tasks));
        }
        foreach (var task in tasks)
        {
            var unknown = task.DependsOn.FirstOrDefault(d => !ids.Contains(d));
            if (unknown is not null)
                throw new ArgumentException($"Task '{task.Id}' depends on '{unknown}', which is not in the batch.", nameof(tasks));
        }

        var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        foreach (var task in tasks) Visit(task.Id, byId, state, []);
    }

    private static void Visit(string id, Dictionary<string, AgentTask> byId, Dictionary<string, int> state, List<string> path)
    {
        if (state.GetValueOrDefault(id) == 2) return;
        if (state.GetValueOrDefault(id) == 1)
            throw new ArgumentException($"Tasks depend on each other in a cycle: {string.Join(" -> ", path.SkipWhile(p => p != id).Append(id))}.", "tasks");
        state[id] = 1;
        path.Add(id);
        foreach (var dependency in byId[id].DependsOn) Visit(dependency, byId, state, path);
        path.RemoveAt(path.Count - 1);
        state[id] = 2;
    }
}
