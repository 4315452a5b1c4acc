using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// Serialises the values that cross between the grader and a student's process: numbers, booleans, strings, arrays
/// (jagged and rectangular), lists, tuples and record-like types such as <c>MixtureParameters</c> (a public constructor
/// whose parameters are named like readable properties). Encoding follows the value's runtime type; decoding follows
/// the type the receiver expects, so nothing the sender claims about types is ever trusted. Non-finite doubles travel
/// as the strings <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>; every value is bounded in depth and element count.
/// </summary>
internal static class ValueCodec
{
    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 12;

    /// <summary>Most numbers, strings and nodes in one value.</summary>
    public const int MaxElements = 4_000_000;

    /// <summary>Longest string accepted.</summary>
    public const int MaxStringChars = 1 << 20;

    /// <summary>The value as JSON; throws <see cref="NotSupportedException"/> naming a type that cannot travel.</summary>
    public static JsonNode? Encode(object? value)
    {
        var budget = MaxElements;
        return Encode(value, 0, ref budget);
    }

    /// <summary>The JSON as a value of <paramref name="type"/>; throws <see cref="FormatException"/> when it does not fit.</summary>
    public static object? Decode(JsonNode? node, Type type)
    {
        var budget = MaxElements;
        return Decode(node, type, 0, ref budget);
    }

    private static JsonNode? Encode(object? value, int depth, ref int budget)
    {
        if (--budget < 0) throw new NotSupportedException($"the value has more than {MaxElements} elements.");
        if (depth > MaxDepth) throw new NotSupportedException($"the value is nested deeper than {MaxDepth} levels.");
        switch (value)
        {
            case null: return null;
            case double d: return Number(d);
            case float f: return Number(f);
            case int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                return JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case bool b: return JsonValue.Create(b);
            case string s: return JsonValue.Create(s.Length <= MaxStringChars ? s : throw new NotSupportedException($"a string longer than {MaxStringChars} characters."));
            case char c: return JsonValue.Create(c.ToString());
            case Enum e: return JsonValue.Create(e.ToString());
            case Array { Rank: 2 } m:
            {
                var rows = new JsonArray();
                for (var i = 0; i < m.GetLength(0); i++)
                {
                    var row = new JsonArray();
                    for (var j = 0; j < m.GetLength(1); j++) row.Add(Encode(m.GetValue(i, j), depth + 2, ref budget));
                    rows.Add(row);
                }
                return rows;
            }
            case Array { Rank: > 2 }: throw new NotSupportedException("arrays of rank above 2.");
            case ITuple t:
            {
                var items = new JsonArray();
                for (var i = 0; i < t.Length; i++) items.Add(Encode(t[i], depth + 1, ref budget));
                return items;
            }
            case IEnumerable items when value is not IDictionary:
            {
                var array = new JsonArray();
                foreach (var item in items) array.Add(Encode(item, depth + 1, ref budget));
                return array;
            }
        }
        if (RecordShape.Of(value.GetType()) is { } shape)
        {
            var o = new JsonObject();
            foreach (var p in shape.Properties) o[p.Name] = Encode(p.GetValue(value), depth + 1, ref budget);
            return o;
        }
        throw new NotSupportedException($"values of type {value.GetType().Name} cannot be passed to or from the grader.");
    }

    private static JsonValue Number(double d) => double.IsFinite(d)
        ? JsonValue.Create(d)
        : JsonValue.Create(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");

    private static object? Decode(JsonNode? node, Type type, int depth, ref int budget)
    {
        if (--budget < 0) throw new FormatException($"the value has more than {MaxElements} elements.");
        if (depth > MaxDepth) throw new FormatException($"the value is nested deeper than {MaxDepth} levels.");
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null)
            return !type.IsValueType || underlying is not null ? null : throw new FormatException($"null where a {Name(type)} was expected.");
        type = underlying ?? type;
        if (type == typeof(double)) return ReadDouble(node);
        if (type == typeof(float)) return (float)ReadDouble(node);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(decimal))
        {
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) throw new FormatException($"expected a {Name(type)}, got {Kind(node)}.");
            if (v.GetValue<decimal>() is var whole && decimal.Truncate(whole) != whole)
                throw new FormatException($"{v.ToJsonString()} does not fit a {Name(type)} (not a whole number).");
            try { return Convert.ChangeType(v.GetValue<decimal>(), type, CultureInfo.InvariantCulture); }
            catch (OverflowException) { throw new FormatException($"{v.ToJsonString()} does not fit a {Name(type)}."); }
        }
        if (type == typeof(bool))
            return node is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? b.GetValue<bool>() : throw new FormatException($"expected true or false, got {Kind(node)}.");
        if (type == typeof(string)) return ReadString(node);
        if (type == typeof(char)) return ReadString(node) is { Length: 1 } one ? one[0] : throw new FormatException("expected one character.");
        if (type.IsEnum) return Enum.TryParse(type, ReadString(node), out var ev) ? ev : throw new FormatException($"not a {Name(type)}.");
        if (type == typeof(object)) return Natural(node, depth, ref budget);
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = Items(node, type);
            if (type.GetArrayRank() == 1)
            {
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++) array.SetValue(Decode(items[i], element, depth + 1, ref budget), i);
                return array;
            }
            if (type.GetArrayRank() != 2) throw new FormatException("arrays of rank above 2 are not supported.");
            var rows = items.Select(r => Items(r ?? throw new FormatException("a row of a rectangular array is null."), type)).ToList();
            var cols = rows.Count == 0 ? 0 : rows[0].Count;
            if (rows.Any(r => r.Count != cols)) throw new FormatException($"a {Name(type)} needs rows of equal length.");
            var m = Array.CreateInstance(element, rows.Count, cols);
            for (var i = 0; i < rows.Count; i++)
                for (var j = 0; j < cols; j++) m.SetValue(Decode(rows[i][j], element, depth + 2, ref budget), i, j);
            return m;
        }
        if (typeof(ITuple).IsAssignableFrom(type) && type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            var items = Items(node, type);
            if (items.Count != args.Length) throw new FormatException($"a {Name(type)} needs {args.Length} items, got {items.Count}.");
            var values = new object?[args.Length];
            for (var i = 0; i < args.Length; i++) values[i] = Decode(items[i], args[i], depth + 1, ref budget);
            return Activator.CreateInstance(type, values);
        }
        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && ListLike(type) is { } listType)
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(listType)!;
            foreach (var item in Items(node, type)) list.Add(Decode(item, element, depth + 1, ref budget));
            return list;
        }
        if (RecordShape.Of(type) is { } shape)
        {
            if (node is not JsonObject o) throw new FormatException($"expected a {Name(type)}, got {Kind(node)}.");
            var values = new object?[shape.Parameters.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = Decode(o[shape.Properties[i].Name], shape.Parameters[i].ParameterType, depth + 1, ref budget);
            try { return shape.Constructor.Invoke(values); }
            catch (TargetInvocationException e) { throw new FormatException($"{Name(type)}: {e.InnerException?.Message}"); }
        }
        throw new FormatException($"values of type {Name(type)} cannot be passed to or from the grader.");
    }

    private static Type? ListLike(Type type)
    {
        var def = type.GetGenericTypeDefinition();
        var list = typeof(List<>).MakeGenericType(type.GetGenericArguments());
        return def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IReadOnlyList<>) || def == typeof(IEnumerable<>)
               || def == typeof(ICollection<>) || def == typeof(IReadOnlyCollection<>) ? list : null;
    }

    private static object? Natural(JsonNode node, int depth, ref int budget)
    {
        if (node is JsonArray a)
        {
            var items = new object?[a.Count];
            for (var i = 0; i < items.Length; i++) items[i] = Decode(a[i], typeof(object), depth + 1, ref budget);
            return items;
        }
        if (node is JsonValue v)
            switch (v.GetValueKind())
            {
                case JsonValueKind.Number: return v.GetValue<double>();
                case JsonValueKind.True or JsonValueKind.False: return v.GetValue<bool>();
                case JsonValueKind.String: return ReadString(v);
            }
        throw new FormatException($"cannot read {Kind(node)} as a value.");
    }

    private static double ReadDouble(JsonNode node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return v.GetValue<double>();
        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String)
            return s.GetValue<string>() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new FormatException($"expected a number, got the string \"{Cut(other)}\"."),
            };
        throw new FormatException($"expected a number, got {Kind(node)}.");
    }

    private static string ReadString(JsonNode node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) throw new FormatException($"expected a string, got {Kind(node)}.");
        var s = v.GetValue<string>();
        return s.Length <= MaxStringChars ? s : throw new FormatException($"a string longer than {MaxStringChars} characters.");
    }

    private static List<JsonNode?> Items(JsonNode node, Type type) =>
        node is JsonArray a ? [.. a] : throw new FormatException($"expected a {Name(type)} (a list), got {Kind(node)}.");

    private static string Kind(JsonNode node) => node switch
    {
        JsonArray a => $"a list of {a.Count}",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "something else",
    };

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>A short C#-like name: <c>double[][]</c>, <c>List&lt;double&gt;</c>, <c>MixtureParameters</c>.</summary>
    public static string Name(Type type)
    {
        if (type.IsArray) return Name(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : "[" + new string(',', type.GetArrayRank() - 1) + "]");
        if (type == typeof(double)) return "double";
        if (type == typeof(int)) return "int";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(string)) return "string";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }

    /// <summary>A record-like type: the public constructor with the most parameters, each named like a readable property.</summary>
    private sealed record RecordShape(ConstructorInfo Constructor, ParameterInfo[] Parameters, PropertyInfo[] Properties)
    {
        private static readonly ConditionalWeakTable<Type, RecordShape?> Cache = new();

        public static RecordShape? Of(Type type) => Cache.GetValue(type, Find);

        private static RecordShape? Find(Type type)
        {
            if (type.IsPrimitive || type.IsInterface || type.IsAbstract || type.IsPointer || typeof(Delegate).IsAssignableFrom(type)) return null;
            var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToList();
            foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
            {
                var ps = ctor.GetParameters();
                if (ps.Length == 0) break;
                var matched = ps.Select(p => props.FirstOrDefault(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
                if (matched.All(m => m is not null)) return new RecordShape(ctor, ps, matched!);
            }
            return null;
        }
    }
}
