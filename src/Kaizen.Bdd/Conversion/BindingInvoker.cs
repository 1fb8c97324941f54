using System.Reflection;
using System.Runtime.ExceptionServices;
using Kaizen.Bdd.Injection;

namespace Kaizen.Bdd.Conversion;

/// <summary>Calls a binding method on its per-scenario instance and awaits it when it returns a task.</summary>
internal static class BindingInvoker
{
    public static async ValueTask<object?> InvokeAsync(MethodInfo method, ScenarioContainer? container, object?[] arguments)
    {
        var target = method.IsStatic ? null : container?.Resolve(method.DeclaringType!)
            ?? throw new InvalidOperationException($"{method.DeclaringType?.FullName}.{method.Name} must be static: no scenario is running.");
        object? result;
        try { result = method.Invoke(target, arguments); }
        catch (TargetInvocationException failed) when (failed.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(failed.InnerException).Throw();
            throw;
        }
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var type = task.GetType();
                return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? type.GetProperty("Result")!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                return result;
        }
    }

    /// <summary>Resolves hook parameters (contexts, output, injected classes) from the scenario or feature scope.</summary>
    public static object?[] ResolveParameters(MethodInfo method, Func<Type, object> resolve) =>
        method.GetParameters().Select(p => resolve(p.ParameterType)).ToArray();
}
