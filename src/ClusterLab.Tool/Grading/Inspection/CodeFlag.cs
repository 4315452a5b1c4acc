namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>What a <see cref="CodeFlag"/> found in a student cell.</summary>
internal enum FlagKind
{
    /// <summary>A declaration named like something the tests take from the kit, the library or a locked cell (zeroes the question).</summary>
    Shadowing,
    /// <summary>A kernel directive: <c>#r</c>, <c>#!</c>, <c>#load</c>, <c>#i</c>, or a conditional-compilation directive.</summary>
    Directive,
    /// <summary>Starts or inspects processes (<c>System.Diagnostics.Process</c>).</summary>
    Process,
    /// <summary>Reads or writes files or folders (<c>System.IO.File</c>, <c>Directory</c>, file streams).</summary>
    FileSystem,
    /// <summary>Reads or changes the process environment (<c>System.Environment</c>, <c>AppDomain</c>, <c>AppContext</c>).</summary>
    Environment,
    /// <summary>Reflection, <c>dynamic</c>, run-time code loading or evaluation.</summary>
    Reflection,
    /// <summary>Network access (<c>System.Net</c>).</summary>
    Network,
    /// <summary>Native interop: <c>DllImport</c>, <c>Marshal</c>, <c>NativeLibrary</c>, unsafe code, function pointers.</summary>
    Interop,
    /// <summary>A library member the question does not allow (<c>metadata.clusterlab.forbidden</c>; zeroes the question).</summary>
    Forbidden,
}

/// <summary>One finding of <see cref="CodeInspector"/>: grader-written, bounded message; never quotes test code.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="CellId">The student cell it was found in.</param>
/// <param name="QuestionId">The question it affects; null when the cell belongs to none.</param>
/// <param name="Member">The declared name, directive or API member (e.g. <c>ClusterLab.GaussianMle.Estimate</c>).</param>
/// <param name="Message">One sentence for the feedback page and the gradebook.</param>
internal sealed record CodeFlag(FlagKind Kind, string CellId, string? QuestionId, string Member, string Message)
{
    /// <summary>Longest <see cref="Member"/> and <see cref="Message"/> (characters); longer texts are cut with "…".</summary>
    public const int MaxLength = 240;

    /// <summary>True when the flag gives the question 0 points.</summary>
    public bool ZeroesQuestion => Kind is FlagKind.Shadowing or FlagKind.Forbidden;

    /// <summary>A flag with <paramref name="member"/> and <paramref name="message"/> cut to <see cref="MaxLength"/>.</summary>
    public static CodeFlag Create(FlagKind kind, string cellId, string? questionId, string member, string message) =>
        new(kind, cellId, questionId, Cut(member), Cut(message));

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
