namespace ClusterLab.Tool.Grading;

/// <summary>Grades a folder of submissions: <see cref="Pipelines.Autograde"/> for each (in parallel up to Jobs), then <see cref="Pipelines.Report"/>.</summary>
internal static class Grader
{
    /// <summary>
    /// The <c>*.ipynb</c> files of <paramref name="folder"/> (not recursive) as submissions, sorted by student id (the
    /// file name without extension). A file whose id breaks <see cref="StudentId"/>'s rule, or repeats another's id up to
    /// case (one folder on Windows and macOS), is not graded: it is listed in <see cref="SubmissionFolder.Refused"/> with the reason.
    /// </summary>
    public static SubmissionFolder Find(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"submissions folder '{folder}' does not exist.");
        var result = new SubmissionFolder();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (!file.EndsWith(".ipynb", StringComparison.Ordinal)) continue; // "*.ipynb" also matches .IPYNB on some systems
            var id = file[..^".ipynb".Length];
            var problem = StudentId.Problem(id) ?? (ids.Add(id) ? null : $"another file has the student id '{id}' up to upper/lower case");
            if (problem is null) result.Add(new Submission(id, Path.GetFullPath(path)));
            else result.Refused.Add(new RefusedFile(file, problem));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Student, b.Student));
        return result;
    }

    /// <summary>Grades <paramref name="submissions"/> and writes every output file; returns them with their scores.</summary>
    public static IReadOnlyList<Submission> Grade(GradeContext context, List<Submission> submissions, TextWriter? progressWriter = null)
    {
        Directory.CreateDirectory(context.Options.OutDir);
        if (submissions is SubmissionFolder folder)
            foreach (var r in folder.Refused.Where(r => !context.Refused.Contains(r))) context.Refused.Add(r);
        var bar = context.Options.Progress
            ? new ProgressBar(submissions.Count, progressWriter ?? Console.Error, progressWriter is null && !Console.IsErrorRedirected)
            : null;
        var steps = Pipelines.Autograde();
        try
        {
            Parallel.ForEach(submissions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.Jobs) }, s =>
            {
                foreach (var step in steps) // the steps are stateless: one list serves every submission
                    step.Apply(s, context);
                bar?.Advance($"{s.Student} ({WriteFeedback.Status(s.Status)})");
            });
        }
        catch (AggregateException e) // a setup problem (the runner cannot start): report the first cause as such
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        finally
        {
            context.StopCheckers();
        }
        foreach (var step in Pipelines.Report())
            step.Apply(submissions, context);
        return submissions;
    }
}
