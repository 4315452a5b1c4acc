namespace ClusterLab.Notebooks;

/// <summary>Check cells: test a student's answer, show a pass or fail box, and emit a machine-readable result for the grader.</summary>
/// <remarks>
/// Every check catches whatever the student's code throws and turns it into a failed result with a one-line summary
/// (never a stack trace); <see cref="NotImplementedException"/> reads "not answered yet". In a kernel the result is
/// displayed at once (<c>text/html</c> and <see cref="ResultMimeType"/>); elsewhere one line
/// <c>PASS|FAIL id earned/points message</c> is printed.
/// </remarks>
public static class Check
{
    /// <summary>MIME type of the machine-readable result the grader reads: <see cref="CheckResult.MimeType"/>.</summary>
    public const string ResultMimeType = CheckResult.MimeType;

    /// <summary>Passes when <paramref name="condition"/> returns true.</summary>
    /// <param name="id">Question id, e.g. "q1a".</param>
    /// <param name="points">Points possible, ≥ 0.</param>
    /// <param name="condition">The test; an exception it throws fails the check.</param>
    /// <param name="hint">Shown when the check fails.</param>
    public static void That(string id, double points, Func<bool> condition, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(condition);
        Report(CheckEvaluator.That(id, points, condition, hint));
    }

    /// <summary>Passes when the number <paramref name="actual"/> returns is within <paramref name="tol"/>·max(1, |expected|) of <paramref name="expected"/>; NaN never passes.</summary>
    /// <param name="id">Question id, e.g. "q1a".</param>
    /// <param name="points">Points possible, ≥ 0.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="actual">Computes the student's value; an exception it throws fails the check.</param>
    /// <param name="tol">Relative tolerance (absolute below 1), ≥ 0; default 1e-6.</param>
    /// <param name="hint">Shown when the check fails.</param>
    public static void Close(string id, double points, double expected, Func<double> actual, double tol = 1e-6, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        Report(CheckEvaluator.Close(id, points, expected, actual, tol, hint));
    }

    /// <summary>Passes when the vector <paramref name="actual"/> returns has the expected length and every entry is close (see <see cref="Close(string, double, double, Func{double}, double, string)"/>).</summary>
    /// <param name="id">Question id, e.g. "q1a".</param>
    /// <param name="points">Points possible, ≥ 0.</param>
    /// <param name="expected">The reference vector.</param>
    /// <param name="actual">Computes the student's vector; an exception it throws fails the check.</param>
    /// <param name="tol">Relative tolerance per entry, ≥ 0; default 1e-6.</param>
    /// <param name="hint">Shown when the check fails.</param>
    public static void Close(string id, double points, double[] expected, Func<double[]> actual, double tol = 1e-6, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Report(CheckEvaluator.Close(id, points, expected, actual, tol, hint));
    }

    /// <summary>Passes when the matrix (rows) <paramref name="actual"/> returns has the expected shape and every entry is close.</summary>
    /// <param name="id">Question id, e.g. "q1a".</param>
    /// <param name="points">Points possible, ≥ 0.</param>
    /// <param name="expected">The reference matrix as rows.</param>
    /// <param name="actual">Computes the student's matrix; an exception it throws fails the check.</param>
    /// <param name="tol">Relative tolerance per entry, ≥ 0; default 1e-6.</param>
    /// <param name="hint">Shown when the check fails.</param>
    public static void Close(string id, double points, double[][] expected, Func<double[][]> actual, double tol = 1e-6, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Report(CheckEvaluator.Close(id, points, expected, actual, tol, hint));
    }

    /// <summary>Runs <paramref name="test"/>, which asserts with <see cref="Expect"/>; passes when it returns without throwing.</summary>
    /// <param name="id">Question id, e.g. "q1a".</param>
    /// <param name="points">Points possible, ≥ 0.</param>
    /// <param name="test">The test body; a <see cref="CheckFailedException"/> or any other exception fails the check.</param>
    /// <param name="hint">Shown when the check fails.</param>
    public static void Run(string id, double points, Action test, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        Report(CheckEvaluator.Run(id, points, test, hint));
    }

    /// <summary>The results of every check run so far in this process, in order (a re-run check appears again).</summary>
    public static IReadOnlyList<CheckResult> Results => CheckLog.Snapshot();

    /// <summary>A summary of <see cref="Results"/> (latest result per id): displays as a table, prints as "earned/points".</summary>
    public static CheckSummary Summary() => new(CheckLog.Snapshot());

    /// <summary>Forgets every result recorded so far (the next <see cref="Summary"/> starts empty).</summary>
    public static void Reset() => CheckLog.Clear();

    /// <summary>Records <paramref name="result"/> and displays it (kernel) or prints its line (elsewhere).</summary>
    internal static void Report(CheckResult result)
    {
        CheckLog.Add(result);
        if (!KernelBridge.TryDisplay(result))
            Console.WriteLine(result.ToLine());
    }
}
