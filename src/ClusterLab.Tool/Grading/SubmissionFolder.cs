namespace ClusterLab.Tool.Grading;

/// <summary>A submission file that is not graded, and why (listed on the console, in gradebook.csv and summary.json).</summary>
/// <param name="File">The file name as found in the submissions folder.</param>
/// <param name="Reason">Why it was refused, e.g. "the student id starts with '.'".</param>
internal sealed record RefusedFile(string File, string Reason);

/// <summary>The submissions found in a folder (see <see cref="Grader.Find"/>), plus the files refused.</summary>
internal sealed class SubmissionFolder : List<Submission>
{
    /// <summary>Files not graded because their name is not a safe student id, with the reason, in file-name order.</summary>
    public List<RefusedFile> Refused { get; } = [];
}
