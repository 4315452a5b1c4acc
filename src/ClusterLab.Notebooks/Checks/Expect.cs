namespace ClusterLab.Notebooks;

/// <summary>Assertions for <see cref="Check.Run"/>: each throws <see cref="CheckFailedException"/> ("expected …, got …") when it fails.</summary>
public static class Expect
{
    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void True(bool condition, string message = "condition not met")
    {
        if (!condition) throw new CheckFailedException(message);
    }

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>; sequences (arrays, lists) are compared item by item.</summary>
    public static void Equal<T>(T expected, T actual, string what = "value")
    {
        if (expected is System.Collections.IEnumerable e && expected is not string)
        {
            if (actual is not System.Collections.IEnumerable a) throw CheckEvaluator.Mismatch(what, CheckFormat.Value(expected), CheckFormat.Value(actual));
            var ei = e.Cast<object?>().ToArray();
            var ai = a.Cast<object?>().ToArray();
            if (ai.Length != ei.Length)
                throw new CheckFailedException($"{what}: expected length {ei.Length}, got length {ai.Length}", CheckFormat.Value(expected), CheckFormat.Value(actual));
            for (int i = 0; i < ei.Length; i++)
                if (!Equals(ei[i], ai[i]))
                    throw new CheckFailedException($"{what}[{i}]: expected {CheckFormat.Value(ei[i])}, got {CheckFormat.Value(ai[i])}",
                        CheckFormat.Value(expected), CheckFormat.Value(actual));
            return;
        }
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw CheckEvaluator.Mismatch(what, CheckFormat.Value(expected), CheckFormat.Value(actual));
    }

    /// <summary>Fails unless |actual − expected| ≤ tol·max(1, |expected|); NaN never passes.</summary>
    public static void Close(double expected, double actual, double tol = 1e-6, string what = "value") =>
        CheckEvaluator.ThrowIfNotClose(expected, actual, tol, what);

    /// <summary>Fails unless the vectors have the same length and every entry is close.</summary>
    public static void Close(double[] expected, double[]? actual, double tol = 1e-6, string what = "value") =>
        CheckEvaluator.ThrowIfNotClose(expected, actual, tol, what);

    /// <summary>Fails unless the matrices (rows) have the same shape and every entry is close.</summary>
    public static void Close(double[][] expected, double[][]? actual, double tol = 1e-6, string what = "value") =>
        CheckEvaluator.ThrowIfNotClose(expected, actual, tol, what);

    /// <summary>Fails unless <paramref name="action"/> throws a <typeparamref name="TException"/> (or a subclass).</summary>
    public static void Throws<TException>(Action action, string what = "call") where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        try { action(); }
        catch (NotImplementedException) { throw; }
        catch (TException) { return; }
        catch (Exception e) { throw CheckEvaluator.Mismatch(what, $"{typeof(TException).Name}", CheckFormat.Exception(e)); }
        throw CheckEvaluator.Mismatch(what, $"{typeof(TException).Name}", "no exception");
    }
}
