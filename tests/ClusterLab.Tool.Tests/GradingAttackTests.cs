using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using ClusterLab.Tool.Sandbox;
using Xunit.Abstractions;
using static ClusterLab.Tool.Tests.AttackSubmissions;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// One real <c>clusterlab grade</c> run (the tool itself as checker, bubblewrap workers, <c>--jobs 2</c>) of the attack
/// submissions of <see cref="AttackSubmissions"/> next to honest ones, shared by the tests below. Layout under ROOT (in
/// /var/tmp, not /tmp, which the sandbox replaces by its own): ROOT/assignment/source/attacklab.ipynb, ROOT/subs/,
/// ROOT/out/.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AttackRun : IDisposable
{
    internal readonly GradeOptions Options;
    public readonly string Root, SourceDir, SourcePath, Subs, Out, Marker, StallMarker;
    internal readonly IReadOnlyList<Submission> Graded = [];
    public readonly TimeSpan Wall;
    public readonly string GradebookAtEnd = "", GradebookLater = "";
    public readonly SortedDictionary<string, string> SubsBefore = null!, SubsAfter = null!, SourceBefore = null!, SourceAfter = null!;
    public readonly List<string> Leftovers = [];
    public readonly List<string> MarkedFiles = [];
    public readonly string? Unavailable = SandboxHost.WhyUnavailable();

    public AttackRun()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        Marker = "PWN" + id;
        StallMarker = "STALL" + id;
        Root = Directory.CreateDirectory(Path.Combine(Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath(), "clusterlab-attack-" + id)).FullName;
        Options = new GradeOptions
        {
            OutDir = Path.Combine(Root, "out"), CellTimeout = 60, Timeout = 120, Grace = 30, CallTimeout = 10, Jobs = 2, Progress = false,
            CourseSecret = "attack-test-secret",
            // To watch the tests fail with a defence removed: CLUSTERLAB_ATTACK_ISOLATION=none runs the workers unsandboxed.
            Isolation = Environment.GetEnvironmentVariable("CLUSTERLAB_ATTACK_ISOLATION") == "none" ? IsolationMode.None : IsolationMode.Bubblewrap,
        };
        SourceDir = Directory.CreateDirectory(Path.Combine(Root, "assignment", "source")).FullName;
        Subs = Directory.CreateDirectory(Path.Combine(Root, "subs")).FullName;
        Out = Options.OutDir;
        SourcePath = Path.Combine(SourceDir, "attacklab.ipynb");
        if (Unavailable is not null) return;

        var kit = Path.Combine(RunnerHarness.RepoRoot, "artifacts", "kit");
        if (!File.Exists(Path.Combine(kit, "ClusterLab.Notebooks.dll")))
            throw new InvalidOperationException($"{kit} is missing: run `dotnet build` at the repository root first.");
        NotebookJson.Save(Source(kit), SourcePath);
        var released = GradingFixtures.Released(Source(kit));
        foreach (var (student, nb) in All(released, Root, Marker, StallMarker)) NotebookJson.Save(nb, Path.Combine(Subs, student + ".ipynb"));
        foreach (var name in HostileNames) NotebookJson.Save(released, Path.Combine(Subs, name));
        SubsBefore = GradingFixtures.Hashes(Subs);
        SourceBefore = GradingFixtures.Hashes(Path.Combine(Root, "assignment"));

        var clock = Stopwatch.StartNew();
        var found = Grader.Find(Subs);
        Graded = Grader.Grade(GradeCommand.Create(Assignment.Load(SourcePath), Options, found), found);
        Wall = clock.Elapsed;
        GradebookAtEnd = File.ReadAllText(Path.Combine(Out, "gradebook.csv"));
        // The tamper attack's detached processes act 5 s after they start: give them 8 s after grade ended.
        Thread.Sleep(TimeSpan.FromSeconds(8));
        GradebookLater = File.ReadAllText(Path.Combine(Out, "gradebook.csv"));
        SubsAfter = GradingFixtures.Hashes(Subs);
        SourceAfter = GradingFixtures.Hashes(Path.Combine(Root, "assignment"));
        foreach (var pid in ProcTable.Pids().Where(p => p != Environment.ProcessId))
            if (ProcTable.CommandLine(pid) is { } cmd && (cmd.Contains(Root) || cmd.Contains(Marker) || cmd.Contains(StallMarker)))
                Leftovers.Add($"{pid}: {cmd[..Math.Min(cmd.Length, 300)]}");
        var tamperWork = Path.Combine(Out, "work", "tamper") + "/";
        var tamperFile = Path.Combine(Subs, "tamper.ipynb"); // its own code holds the marker (its hash is checked with the folder's)
        foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            if (!f.StartsWith(tamperWork, StringComparison.Ordinal) && f != tamperFile && (Path.GetFileName(f).Contains(Marker) || File.ReadAllText(f).Contains(Marker)))
                MarkedFiles.Add(Path.GetRelativePath(Root, f));
    }

    public List<string[]> Gradebook => Csv.Parse(GradebookAtEnd);

    /// <summary>Points of <paramref name="column"/> for <paramref name="student"/> in gradebook.csv.</summary>
    public string Cell(string student, string column)
    {
        var rows = Gradebook;
        var col = Array.IndexOf(rows[0], column);
        var row = rows.FirstOrDefault(r => r[0] == student) ?? throw new Xunit.Sdk.XunitException($"{student} has no gradebook row:\n{GradebookAtEnd}");
        return row[col];
    }

    internal Submission Sub(string student) => Graded.Single(s => s.Student == student);

    public string Work(string student, params string[] rest) => Path.Combine([Out, "work", student, .. rest]);

    /// <summary>Every file a student or an outsider can see: feedback pages, summary.json, gradebook.csv, manual files.</summary>
    public IEnumerable<(string Name, string Text)> Reports() =>
        Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(Out, "work") + "/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Out, f), File.ReadAllText(f)));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Issue 12, "Done when": each attack earns no point it did not earn, changes no file outside its own work folder,
/// leaves no process behind and is flagged where the issue says so; honest submissions keep their exact scores. Slow
/// (about three minutes): one grading run of every submission, shared by the tests.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GradingAttackTests(AttackRun run, ITestOutputHelper output) : IClassFixture<AttackRun>
{
    private void Scores(string attack, string student, double q1, double q2, double q2h, string? status = null)
    {
        var want = new Dictionary<string, double> { ["q1"] = q1, ["q2"] = q2, ["q2h"] = q2h };
        foreach (var (col, points) in want)
            Assert.True(run.Cell(student, col) == Csv.Number(points),
                $"{attack}: {student} has {run.Cell(student, col)} points on {col}, expected {points}. Flags: {string.Join(" / ", run.Sub(student).Flags)}\n{run.GradebookAtEnd}");
        Assert.True(run.Cell(student, "total") == Csv.Number(q1 + q2 + q2h), $"{attack}: {student} total is {run.Cell(student, "total")}, expected {q1 + q2 + q2h}");
        if (status is not null)
            Assert.True(run.Cell(student, "status") == status, $"{attack}: {student} has status {run.Cell(student, "status")} ({run.Sub(student).StatusDetail}), expected {status}");
    }

    private void Flagged(string attack, string student, params string[] words)
    {
        var flags = run.Sub(student).Flags;
        foreach (var w in words)
            Assert.True(flags.Any(f => f.Contains(w, StringComparison.Ordinal)), $"{attack}: {student} is not flagged for '{w}'. Flags: {string.Join(" / ", flags)}");
    }

    [SandboxFact]
    public void Honest_submissions_keep_their_exact_scores()
    {
        output.WriteLine($"grade wall time: {run.Wall.TotalSeconds:0.0} s for {run.Graded.Count} submissions (jobs {run.Options.Jobs})");
        Scores("honest", "honest-complete", 5, 1, 4, "ok");
        Scores("honest", "honest-partial", 5, 1, 0, "ok");
        Scores("honest", "honest-blank", 0, 0, 0, "ok");
        Assert.True(run.Sub("honest-complete").Flags.Count == 0, "honest: the complete submission is flagged: " + string.Join(" / ", run.Sub("honest-complete").Flags));
    }

    [SandboxFact]
    public void Shadowing_the_kit_or_the_library_earns_nothing()
    {
        Scores("shadowing (class Check, @Check, GaussianMle, Em; a cell claiming a locked tests role)", "shadowing", 0, 0, 0);
        Flagged("shadowing (class Check)", "shadowing", "cell q1-answer");
        Flagged("shadowing in a cell claiming a locked tests role", "shadowing", "cell q1-tests-extra");
    }

    [SandboxFact]
    public void Roslyn_tripwires_flag_every_attack()
    {
        Flagged("shadowing (@Check, GaussianMle)", "shadowing", "Check", "GaussianMle"); // Em: the tests of this assignment do not use it
        Flagged("results channel", "forge", "File", "AppDomain");
        Flagged("reading the source", "spy", "Environment", "File");
        Flagged("tampering", "tamper", "Process", "File");
        Flagged("stalling with a child process", "stall", "Process");
    }

    [SandboxFact]
    public void Forging_the_results_file_or_the_call_channel_earns_nothing()
    {
        var forge = run.Sub("forge").Scores;
        Assert.True(forge["q1"].Earned == 0 && forge["q2h"].Earned == 0,
            $"results channel (results.jsonl, ProcessExit, MIME outputs, printed lines): forge earned {forge["q1"].Earned} on q1, {forge["q2h"].Earned} on q2h");
        Assert.True(forge["q2"].Earned == 0, "call channel: replies forged on stdout during Mean's call answered the call of Twice (not written): q2 earned");
        foreach (var s in run.Graded.Where(s => s.Student != "forge"))
            Assert.False(File.ReadAllText(run.Work(s.Student, "results.jsonl")).Contains("\"message\":\"ok\"}\n{\"id\":\"q1-hidden\",\"points\":3,\"earned\":3"),
                $"results channel: {s.Student}'s results.jsonl holds the forged lines");
    }

    [SandboxFact]
    public void The_source_and_hidden_values_stay_out_of_the_sandbox_and_the_reports()
    {
        Scores("reading the source, leaking hidden inputs", "spy", 0, 1, 0); // q2: its visible check counts from the first pass, before any hidden input
        foreach (var (name, text) in run.Reports())
            foreach (var secret in HiddenValues.Append("BEGIN HIDDEN").Append("secret hint").Append("BEGIN SOLUTION"))
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"leaking hidden values: {name} contains '{secret}'");
        var found = File.ReadAllText(run.Work("spy", "executed.ipynb"));
        Assert.Contains("SPY-FOUND", found);                                       // the spy ran and reported
        foreach (var secret in HiddenValues.Append("FOUND-SECRET").Append("BEGIN HIDDEN").Append("attack-test-secret"))
            Assert.False(found.Contains(secret, StringComparison.Ordinal), $"reading the source: the sandbox saw '{secret}'");
        Assert.False(found.Contains("CLUSTERLAB_HIDDEN_KEY", StringComparison.Ordinal), "reading the source: the sandbox saw the hidden-data key variable");
        Assert.False(found.Contains(run.SourceDir, StringComparison.Ordinal),
            $"reading the source: the sandbox saw the source folder's path: {string.Join(" | ", found.Split('\n').Where(l => l.Contains(run.SourceDir)).Take(3))}");
        foreach (var stash in Directory.EnumerateFiles(run.Work("spy"), "stash.txt", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/hidden/", StringComparison.Ordinal)))
            foreach (var secret in HiddenValues)
                Assert.False(File.ReadAllText(stash).Contains(secret, StringComparison.Ordinal), $"leaking hidden inputs: {stash} holds '{secret}'");
    }

    [SandboxFact]
    public void Tampering_changes_nothing_outside_its_folder_and_leaves_no_process()
    {
        Scores("tampering", "tamper", 0, 0, 0);
        Assert.True(run.SubsBefore.SequenceEqual(run.SubsAfter), "tampering: the submissions folder changed");
        Assert.True(run.SourceBefore.SequenceEqual(run.SourceAfter), "tampering: the instructor's source changed");
        Assert.True(run.GradebookAtEnd == run.GradebookLater, $"tampering: gradebook.csv changed after grade ended:\n{run.GradebookLater}");
        Assert.True(run.MarkedFiles.Count == 0, "tampering: files outside its work folder carry its marker: " + string.Join(", ", run.MarkedFiles));
        Assert.True(run.Leftovers.Count == 0, "tampering/stalling: processes left behind: " + string.Join("\n", run.Leftovers));
        foreach (var s in run.Graded)
            Assert.True(File.Exists(run.Work(s.Student, "results.jsonl")) || s.Status != GradeStatus.Ok, $"tampering: {s.Student}'s work folder lost its results");
    }

    [SandboxFact]
    public void Stalling_is_cut_off_at_the_time_limits()
    {
        var perSubmission = run.Options.Timeout + run.Options.Grace;
        foreach (var student in new[] { "stall" })
        {
            var took = File.GetLastWriteTimeUtc(run.Work(student, "checker.log")) - File.GetLastWriteTimeUtc(run.Work(student, "student.ipynb"));
            output.WriteLine($"{student}: {took.TotalSeconds:0.0} s");
            Assert.True(took.TotalSeconds < perSubmission + 15, $"stalling: {student} took {took.TotalSeconds:0} s (limit {perSubmission} s)");
        }
        var running = run.Graded.Count;
        var bound = Math.Ceiling(running / (double)run.Options.Jobs) * (perSubmission + 15);
        Assert.True(run.Wall.TotalSeconds < bound, $"stalling: grade took {run.Wall.TotalSeconds:0} s (bound {bound:0} s)");
        Scores("stalling (a child keeps the output pipe open, an endless loop in Mean)", "stall", 0, 1, 4, "timeout");
        foreach (var s in run.Graded.Where(s => s.Student != "stall"))
            Assert.True(s.Status != GradeStatus.Timeout, $"stalling: {s.Student} timed out too ({s.StatusDetail})");
    }

    [SandboxFact]
    public void Hostile_file_names_are_refused_and_harmless()
    {
        Assert.True(Directory.Exists(run.Out) && Directory.Exists(Path.Combine(run.Out, "work")), "hostile names: OUT or OUT/work is gone");
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Out, "summary.json")))!;
        var refused = (summary["refused"] as JsonArray ?? []).Select(r => (File: r!["file"]!.ToString(), Reason: r["reason"]!.ToString())).ToList();
        foreach (var name in HostileNames)
        {
            Assert.True(refused.Any(r => r.File == name && r.Reason.Length > 0), $"hostile names: '{name[..Math.Min(40, name.Length)]}' is not listed as refused with a reason");
            Assert.True(run.Graded.All(s => s.Student + ".ipynb" != name), $"hostile names: '{name[..Math.Min(40, name.Length)]}' was graded");
        }
        // The raw text, as a spreadsheet reads it (Csv.Parse would undo the escaping).
        foreach (var line in File.ReadAllLines(Path.Combine(run.Out, "gradebook.csv")))
            foreach (var cell in line.Split(','))
                Assert.False(cell.TrimStart('"').Length > 0 && "=+-@".Contains(cell.TrimStart('"')[0]) && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"hostile names: a gradebook cell starts with a formula character: {cell}");
        Assert.Equal(run.Graded.Count + HostileNames.Length + 1, run.Gradebook.Count);
    }

    [SandboxFact]
    public void No_cell_ids_and_twenty_thousand_short_writes_score_like_a_complete_submission() =>
        Scores("no cell ids / 20,000 short writes", "no-ids-many-writes", 5, 1, 4, "ok");
}
