using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Kaizen.Bdd;

/// <summary>A key/value store shared by the bindings of one feature or scenario.</summary>
public abstract class BddContext
{
    private readonly ConcurrentDictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a value by key; reading a missing key throws <see cref="KeyNotFoundException"/>.</summary>
    public object? this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value stored under '{key}' in the {GetType().Name}.");
        set => _values[key] = value;
    }

    /// <summary>Stores a value under its type's full name.</summary>
    public void Set<T>(T value) => _values[typeof(T).FullName!] = value;

    /// <summary>Stores a value under a key.</summary>
    public void Set<T>(T value, string key) => _values[key] = value;

    /// <summary>Reads the value stored under the type's full name.</summary>
    public T Get<T>() => Get<T>(typeof(T).FullName!);

    /// <summary>Reads the value stored under a key.</summary>
    public T Get<T>(string key) => (T)this[key]!;

    /// <summary>Tries to read a value stored under a key.</summary>
    public bool TryGetValue<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_values.TryGetValue(key, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Whether a value is stored under the key.</summary>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Removes the value stored under the key.</summary>
    public bool Remove(string key) => _values.TryRemove(key, out _);
}
