using System.Reflection;

namespace ClusterLab.Notebooks;

/// <summary>Turns a check into a <see cref="CheckResult"/> without displaying it; every exception from student code is caught.</summary>
internal static class CheckEvaluator
{
    /// <summary>Evaluates <see cref="Check.That"/>.</summary>
    public static CheckResult That(string id, double points, Func<bool> condition, string hint) =>
        Evaluate(id, points, hint, () =>
        {
            if (!condition()) throw new CheckFailedException("condition not met");
        });

    /// <summary>Evaluates the scalar <see cref="Check.Close(string, double, double, Func{double}, double, string)"/>.</summary>
    public static CheckResult Close(string id, double points, double expected, Func<double> actual, double tol, string hint)
    {
        ValidateTolerance(tol);
        return Evaluate(id, points, hint, () => ThrowIfNotClose(expected, actual(), tol, "value"));
    }

    /// <summary>Evaluates the vector <see cref="Check.Close(string, double, double[], Func{double[]}, double, string)"/>.</summary>
    public static CheckResult Close(string id, double points, double[] expected, Func<double[]> actual, double tol, string hint)
    {
        ValidateTolerance(tol);
        return Evaluate(id, points, hint, () => ThrowIfNotClose(expected, actual(), tol, "value"));
    }

    /// <summary>Evaluates the matrix <see cref="Check.Close(string, double, double[][], Func{double[][]}, double, string)"/>.</summary>
    public static CheckResult Close(string id, double points, double[][] expected, Func<double[][]> actual, double tol, string hint)
    {
        ValidateTolerance(tol);
        return Evaluate(id, points, hint, () => ThrowIfNotClose(expected, actual(), tol, "value"));
    }

    /// <summary>Evaluates <see cref="Check.Run"/>.</summary>
    public static CheckResult Run(string id, double points, Action test, string hint) => Evaluate(id, points, hint, test);

    /// <summary>Tolerance rule: |a − e| ≤ tol·max(1, |e|); NaN never passes; equal infinities pass.</summary>
    public static bool IsClose(double expected, double actual, double tol)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return false;
        if (expected == actual) return true;
        return Math.Abs(actual - expected) <= tol * Math.Max(1.0, Math.Abs(expected));
    }

    /// <summary>Throws <see cref="CheckFailedException"/> unless the scalars are close.</summary>
    public static void ThrowIfNotClose(double expected, double actual, double tol, string what)
    {
        ValidateTolerance(tol);
        if (!IsClose(expected, actual, tol))
        {
            var (e, a) = CheckFormat.Pair(expected, actual);
            throw Mismatch(what, e, a, tol);
        }
    }

    /// <summary>Throws <see cref="CheckFailedException"/> unless the vectors have equal length and close entries.</summary>
    public static void ThrowIfNotClose(double[] expected, double[]? actual, double tol, string what)
    {
        ValidateTolerance(tol);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null) throw Mismatch(what, CheckFormat.Vector(expected), "null");
        if (actual.Length != expected.Length)
            throw new CheckFailedException(
                $"{what}: expected length {expected.Length}, got length {actual.Length}",
                CheckFormat.Vector(expected), CheckFormat.Vector(actual));
        for (int i = 0; i < expected.Length; i++)
            if (!IsClose(expected[i], actual[i], tol))
            {
                var (e, a) = CheckFormat.Pair(expected[i], actual[i]);
                throw new CheckFailedException($"{what}[{i}]: expected {e}, got {a}{TolNote(tol)}",
                    CheckFormat.Vector(expected), CheckFormat.Vector(actual));
            }
    }

    /// <summary>Throws <see cref="CheckFailedException"/> unless the matrices have equal shape and close entries.</summary>
    public static void ThrowIfNotClose(double[][] expected, double[][]? actual, double tol, string what)
    {
        ValidateTolerance(tol);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null) throw Mismatch(what, CheckFormat.Matrix(expected), "null");
        string shapeE = CheckFormat.Shape(expected), shapeA = CheckFormat.Shape(actual);
        if (actual.Length != expected.Length)
            throw new CheckFailedException($"{what}: expected shape {shapeE}, got shape {shapeA}",
                CheckFormat.Matrix(expected), CheckFormat.Matrix(actual));
        for (int i = 0; i < expected.Length; i++)
        {
            if (actual[i] is null)
                throw new CheckFailedException($"{what}: row {i} is null", CheckFormat.Matrix(expected), CheckFormat.Matrix(actual));
            if (actual[i].Length != expected[i].Length)
                throw new CheckFailedException($"{what}: expected shape {shapeE}, got shape {shapeA}",
                    CheckFormat.Matrix(expected), CheckFormat.Matrix(actual));
            for (int j = 0; j < expected[i].Length; j++)
                if (!IsClose(expected[i][j], actual[i][j], tol))
                {
                    var (e, a) = CheckFormat.Pair(expected[i][j], actual[i][j]);
                    throw new CheckFailedException($"{what}[{i}][{j}]: expected {e}, got {a}{TolNote(tol)}",
                        CheckFormat.Matrix(expected), CheckFormat.Matrix(actual));
                }
        }
    }

    /// <summary>A <see cref="CheckFailedException"/> reading "what: expected e, got a".</summary>
    public static CheckFailedException Mismatch(string what, string expected, string actual, double? tol = null) =>
        new($"{what}: expected {expected}, got {actual}{(tol is double t ? TolNote(t) : "")}", expected, actual);

    /// <summary>One-line summary of an exception the student's code threw (no stack trace).</summary>
    public static string Summarize(Exception e)
    {
        e = Unwrap(e);
        return e is NotImplementedException
            ? "not answered yet: replace throw new NotImplementedException() with your code here"
            : CheckFormat.Exception(e);
    }

    /// <summary>Runs <paramref name="body"/> and maps its outcome to a result.</summary>
    private static CheckResult Evaluate(string id, double points, string hint, Action body)
    {
        ValidateHeader(id, points);
        try
        {
            body();
            return new CheckResult { Id = id, Points = points, Earned = points, Passed = true, Message = "ok", Hint = hint ?? "" };
        }
        catch (Exception raw)
        {
            var e = Unwrap(raw);
            var failed = e as CheckFailedException;
            return new CheckResult
            {
                Id = id, Points = points, Earned = 0, Passed = false, Hint = hint ?? "",
                Message = failed?.Message ?? Summarize(e),
                Expected = failed?.Expected ?? "",
                Actual = failed?.Actual ?? "",
            };
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
            else if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
            else if (e is TypeInitializationException { InnerException: { } ti }) e = ti;
            else return e;
        }
    }

    private static string TolNote(double tol) => $" (tol {CheckFormat.Number(tol)})";

    private static void ValidateHeader(string id, double points)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("check id must be a non-empty string, e.g. \"q1a\"", nameof(id));
        if (!(points >= 0) || double.IsInfinity(points)) throw new ArgumentOutOfRangeException(nameof(points), points, "points must be a finite number ≥ 0");
    }

    private static void ValidateTolerance(double tol)
    {
        if (!(tol >= 0) || double.IsInfinity(tol)) throw new ArgumentOutOfRangeException(nameof(tol), tol, "tolerance must be a finite number ≥ 0");
    }
}
