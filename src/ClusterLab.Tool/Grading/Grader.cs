namespace ClusterLab.Tool.Grading;

/// <summary>Grades a folder of submissions: <see cref="Pipelines.Autograde"/> for each (in parallel up to Jobs), then <see cref="Pipelines.Report"/>.</summary>
public static class Grader
{
    /// <summary>The <c>*.ipynb</c> files of <paramref name="folder"/> (not recursive) as submissions, sorted by student id.</summary>
    public static List<Submission> Find(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"submissions folder '{folder}' does not exist.");
        return Directory.EnumerateFiles(folder, "*.ipynb")
            .Select(p => new Submission(Path.GetFileNameWithoutExtension(p), Path.GetFullPath(p)))
            .OrderBy(s => s.Student, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Grades <paramref name="submissions"/> and writes every output file; returns them with their scores.</summary>
    public static IReadOnlyList<Submission> Grade(GradeContext context, List<Submission> submissions, TextWriter? progressWriter = null)
    {
        Directory.CreateDirectory(context.Options.OutDir);
        var bar = context.Options.Progress
            ? new ProgressBar(submissions.Count, progressWriter ?? Console.Error, progressWriter is null && !Console.IsErrorRedirected)
            : null;
        var steps = Pipelines.Autograde();
        try
        {
            Parallel.ForEach(submissions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.Jobs) }, s =>
            {
                foreach (var step in steps) // the steps are stateless: one list serves every submission
                    if (step.Enabled) step.Apply(s, context);
                bar?.Advance($"{s.Student} ({WriteFeedback.Status(s.Status)})");
            });
        }
        catch (AggregateException e) // a setup problem (the runner cannot start): report the first cause as such
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        foreach (var step in Pipelines.Report())
            if (step.Enabled) step.Apply(submissions, context);
        return submissions;
    }
}
