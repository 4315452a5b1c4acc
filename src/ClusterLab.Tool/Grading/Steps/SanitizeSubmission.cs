using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>Reads a submission (never writing to it), runs <see cref="Pipelines.Sanitize"/> and saves the result in the student's work folder.</summary>
internal sealed class SanitizeSubmission : ISubmissionStep
{
    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        submission.WorkDir = Path.Combine(context.WorkDir, submission.Student);
        OutputFolder.CleanFolder(context.Options.OutDir, submission.WorkDir);
        try
        {
            var nb = NotebookJson.Load(submission.Path);
            var step = new StepContext(submission.Student, context.Assignment.Source, context.Released);
            Pipelines.Apply(Pipelines.Sanitize(), nb, step);
            submission.Flags.AddRange(step.Flags);
            NotebookJson.Save(nb, SanitizedPath(submission));
            submission.Notebook = nb;
        }
        catch (Exception e) when (e is NotebookFormatException or FormatException or InvalidOperationException
                                      or System.Text.Json.JsonException or InvalidCastException)
        {
            submission.Status = GradeStatus.Malformed;
            submission.StatusDetail = "The file is not a readable notebook: " + e.Message.Replace(submission.Path, Path.GetFileName(submission.Path));
        }
    }

    /// <summary>Where the sanitized notebook is saved: <c>OUT/work/&lt;student&gt;/&lt;student&gt;.ipynb</c>.</summary>
    public static string SanitizedPath(Submission s) => Path.Combine(s.WorkDir, s.Student + ".ipynb");
}
