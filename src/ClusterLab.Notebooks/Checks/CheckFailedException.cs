namespace ClusterLab.Notebooks;

/// <summary>Thrown by <see cref="Expect"/> when an assertion inside <see cref="Check.Run"/> fails; the message reads "expected …, got …".</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception with a one-line message and optional expected/actual texts.</summary>
    public CheckFailedException(string message, string expected = "", string actual = "") : base(message)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Expected value as text (may be empty).</summary>
    public string Expected { get; }

    /// <summary>Actual value as text (may be empty).</summary>
    public string Actual { get; }
}
