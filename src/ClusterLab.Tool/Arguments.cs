using System.Globalization;

namespace ClusterLab.Tool;

/// <summary>A bad command line; the message says what is wrong.</summary>
internal sealed class UsageException(string message) : ArgumentException(message);

/// <summary>
/// The tool's one argument parser (every verb): splits the arguments into positionals, <c>--name value</c> options and
/// <c>--flag</c>s; an unknown <c>--option</c>, a missing value or a bad number throws <see cref="UsageException"/>.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>, accepting the option names in <paramref name="known"/> (each takes a value).</summary>
    public Arguments(string[] args, params string[] known) : this(args, known, []) { }

    /// <summary>Parses <paramref name="args"/>: the names in <paramref name="known"/> take a value, those in <paramref name="flags"/> stand alone.</summary>
    public Arguments(string[] args, string[] known, string[] flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (flags.Contains(a)) { _flags.Add(a); continue; }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!known.Contains(a)) throw new UsageException($"unknown option {a} (options: {string.Join(", ", known.Concat(flags))}).");
                if (i + 1 >= args.Length) throw new UsageException($"option {a} needs a value.");
                _options[a] = args[++i];
            }
            else Positionals.Add(a);
        }
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>True when the flag <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _flags.Contains(name);

    /// <summary>The option's value or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>The option as a number &gt; 0, or <paramref name="fallback"/>.</summary>
    public double Positive(string name, double fallback)
    {
        if (Get(name) is not { } text) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0) || !double.IsFinite(v))
            throw new UsageException($"{name}={text} should be a number > 0.");
        return v;
    }

    /// <summary>The option as a whole number &gt; 0, or <paramref name="fallback"/>.</summary>
    public int PositiveInt(string name, int fallback)
    {
        if (Get(name) is not { } text) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v <= 0)
            throw new UsageException($"{name}={text} should be a whole number > 0.");
        return v;
    }
}
