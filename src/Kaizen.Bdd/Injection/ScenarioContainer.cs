using System.Reflection;

namespace Kaizen.Bdd.Injection;

/// <summary>
/// Context injection: one instance of each requested class per scenario, built through its public constructor
/// (the one with most parameters), and disposed (async first) in reverse creation order at the end.
/// </summary>
internal sealed class ScenarioContainer : IAsyncDisposable
{
    private readonly Dictionary<Type, object> _registered = [];
    private readonly Dictionary<Type, object> _created = [];
    private readonly List<object> _creationOrder = [];
    private readonly HashSet<Type> _resolving = [];

    /// <summary>Makes <paramref name="instance"/> the answer for <typeparamref name="T"/> (not disposed by the container).</summary>
    public void Register<T>(T instance) where T : notnull => _registered[typeof(T)] = instance;

    public object Resolve(Type type)
    {
        if (_registered.TryGetValue(type, out var registered)) return registered;
        if (_created.TryGetValue(type, out var existing)) return existing;
        if (type.IsAbstract || type.IsInterface || type.IsPrimitive || type == typeof(string))
            throw new InvalidOperationException($"Cannot inject {type.FullName}: only concrete classes are created by context injection; register it or take a concrete type.");
        if (!_resolving.Add(type))
            throw new InvalidOperationException($"Circular constructor dependency while creating {type.FullName}.");
        try
        {
            var (constructor, parameterTypes) = Constructors.GetOrAdd(type, FindConstructor);
            var arguments = new object[parameterTypes.Length];
            for (var i = 0; i < parameterTypes.Length; i++) arguments[i] = Resolve(parameterTypes[i]);
            object instance;
            try { instance = constructor.Invoke(arguments); }
            catch (TargetInvocationException failed) when (failed.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.InnerException).Throw();
                throw;
            }
            _created[type] = instance;
            _creationOrder.Add(instance);
            return instance;
        }
        finally { _resolving.Remove(type); }
    }

    /// <summary>Every scenario builds the same classes: look their constructors up once per process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (ConstructorInfo, Type[])> Constructors = new();

    private static (ConstructorInfo, Type[]) FindConstructor(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Cannot inject {type.FullName}: it has no public constructor.");
        return (constructor, constructor.GetParameters().Select(p => p.ParameterType).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        List<Exception>? errors = null;
        for (var i = _creationOrder.Count - 1; i >= 0; i--)
        {
            try
            {
                switch (_creationOrder[i])
                {
                    case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync().ConfigureAwait(false); break;
                    case IDisposable disposable: disposable.Dispose(); break;
                }
            }
            catch (Exception error) { (errors ??= []).Add(error); }
        }
        _creationOrder.Clear();
        _created.Clear();
        if (errors is not null) throw new AggregateException("Disposing scenario objects failed.", errors);
    }
}
