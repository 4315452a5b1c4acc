using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterLab.Tool.Grading;
using Xunit.Abstractions;
using static ClusterLab.Tool.Tests.RunnerHarness;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// The lessons' two editions: instructor sources in <c>notebooks/source/</c> (solutions, tests, manual answers and
/// recorded wrong answers) and student editions in <c>notebooks/</c> made by <c>clusterlab release</c>.
/// The committed student editions equal a fresh release; they run to the end with only "not answered yet" failures;
/// and every recorded wrong answer, put in place of its solution region, fails its exercise's checks.
/// </summary>
public sealed partial class LessonEditionTests(ITestOutputHelper output)
{
    private static string SourceDir => Path.Combine(RepoRoot, "notebooks", "source");

    /// <summary>Lesson names (file names without extension) of the instructor sources, sorted.</summary>
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var name in SourceNames()) data.Add(name);
        return data;
    }

    private static List<string> SourceNames() => Directory.Exists(SourceDir)
        ? Directory.GetFiles(SourceDir, "*.ipynb").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList()
        : [];

    [Fact]
    public void Committed_student_editions_equal_a_fresh_release()
    {
        var dir = TempDir("editions");
        var stale = new List<string>();
        foreach (var name in SourceNames())
        {
            var made = ReleaseCommand.Release(Path.Combine(SourceDir, name + ".ipynb"), dir);
            var committed = Path.Combine(RepoRoot, "notebooks", name + ".ipynb");
            if (!File.Exists(committed)) { stale.Add($"{name}: no student edition"); continue; }
            // Released outside the repository, the setup cell keeps the source's #r paths; the committed edition's
            // setup cell is checked against nbtool's template by NotebookTests.
            if (WithoutSetup(made) != WithoutSetup(committed)) stale.Add(name);
        }
        foreach (var edition in Directory.GetFiles(Path.Combine(RepoRoot, "notebooks"), "*.ipynb"))
            if (!File.Exists(Path.Combine(SourceDir, Path.GetFileName(edition))))
                stale.Add($"{Path.GetFileName(edition)}: a student edition without a source in notebooks/source/");
        Assert.True(stale.Count == 0,
            $"out of date: {string.Join(", ", stale)}. Run `clusterlab release notebooks/source --out notebooks` and commit the student editions.");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Student_edition_runs_to_the_end_with_only_unanswered_exercises(string lesson)
    {
        var edition = Path.Combine(RepoRoot, "notebooks", lesson + ".ipynb");
        var (status, checks, run) = RunLesson(edition, null);
        Assert.True(status == "ok", $"{lesson}: status {status}\n{run.Stdout}\n{run.Stderr}");
        var exercises = ExerciseCheckIds(Path.Combine(SourceDir, lesson + ".ipynb"));
        foreach (var (id, passed, message) in checks)
        {
            if (exercises.Contains(id))
                Assert.True(!passed && message.Contains("not answered yet"), $"{lesson}: exercise check {id} should fail as not answered yet, got: {message}");
            else
                Assert.True(passed, $"{lesson}: demonstration check {id} failed in the student edition: {message}");
        }
        Assert.Empty(exercises.Except(checks.Select(c => c.Id)));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_recorded_wrong_answer_fails_its_checks(string lesson)
    {
        var source = Path.Combine(SourceDir, lesson + ".ipynb");
        var exercises = Exercises(NotebookJson.Load(source));
        Assert.True(exercises.Count > 0, $"{lesson} has no exercise");
        foreach (var e in exercises)
            Assert.True(e.Wrong.Count > 0, $"{lesson}: solution {e.GradeId} records no wrong answer (metadata.clusterlab.wrong)");
        var covered = 0;
        var rounds = exercises.Max(e => e.Wrong.Count);
        for (var round = 0; round < rounds; round++)
        {
            var nb = NotebookJson.Load(source);
            var cells = NotebookJson.CellObjects(nb).ToList();
            var substituted = exercises.Where(e => e.Wrong.Count > round).ToList();
            foreach (var e in substituted)
            {
                var cell = cells.First(c => NotebookJson.Id(c) == e.CellId);
                var wrong = e.Wrong[round].Code.Split('\n');
                NotebookJson.SetSource(cell, Regions.Replace(NotebookJson.Source(cell), Regions.Solution,
                    indent => wrong.Select(l => l.Length == 0 ? l : indent + l), $"{lesson}: {e.GradeId}"));
            }
            var dir = TempDir($"wrong-{lesson}-{round}");
            var copy = Path.Combine(dir, lesson + ".ipynb");
            NotebookJson.Save(nb, copy);
            var (status, checks, run) = RunLesson(copy, SourceDir);
            Assert.True(status == "ok", $"{lesson}, wrong answers #{round + 1}: status {status} (a wrong answer should fail its check, not the cell)\n{run.Stdout}\n{run.Stderr}");
            foreach (var e in substituted)
            {
                foreach (var id in e.CheckIds)
                {
                    var result = checks.FirstOrDefault(c => c.Id == id);
                    Assert.True(result.Id == id, $"{lesson}: check {id} did not run with wrong answer '{e.Wrong[round].Label}'");
                    Assert.False(result.Passed, $"{lesson}: check {id} passes the recorded wrong answer '{e.Wrong[round].Label}' of {e.GradeId}");
                    Assert.DoesNotContain("not answered yet", result.Message);
                }
                covered++;
            }
        }
        output.WriteLine($"{lesson}: {covered} (exercise, wrong answer) pairs fail their checks, {exercises.Count} exercises");
    }

    [Fact]
    public void Counts_the_recorded_wrong_answers()
    {
        var pairs = 0;
        var exercises = 0;
        foreach (var name in SourceNames())
        {
            var list = Exercises(NotebookJson.Load(Path.Combine(SourceDir, name + ".ipynb")));
            exercises += list.Count;
            pairs += list.Sum(e => e.Wrong.Count);
        }
        output.WriteLine($"{exercises} code exercises, {pairs} (exercise, wrong answer) pairs recorded in notebooks/source/");
        Assert.True(SourceNames().Count == 0 || pairs >= exercises);
    }

    /// <summary>A solution cell, its recorded wrong answers and the checks of the first tests cell after it.</summary>
    private sealed record Exercise(string GradeId, string CellId, IReadOnlyList<(string Label, string Code)> Wrong, IReadOnlyList<string> CheckIds);

    private static List<Exercise> Exercises(JsonObject nb)
    {
        var cells = NotebookJson.CellObjects(nb).ToList();
        var list = new List<Exercise>();
        for (var i = 0; i < cells.Count; i++)
        {
            var meta = CellMeta.Of(cells[i]);
            if (meta.Role != CellRole.Solution) continue;
            var wrong = (cells[i]["metadata"]![CellMeta.Key]!["wrong"] as JsonArray ?? [])
                .Select(w => (w!["label"]!.GetValue<string>(), w["code"]!.GetValue<string>())).ToList();
            var tests = cells.Skip(i + 1).FirstOrDefault(c => CellMeta.Of(c).Role == CellRole.Tests)
                ?? throw new InvalidOperationException($"solution {meta.GradeId} has no tests cell after it");
            var ids = CheckCalls.Find(NotebookJson.Source(tests), false).Select(c => c.Id).ToList();
            list.Add(new Exercise(meta.GradeId, NotebookJson.Id(cells[i]), wrong, ids));
        }
        return list;
    }

    private static HashSet<string> ExerciseCheckIds(string source) =>
        NotebookJson.CellObjects(NotebookJson.Load(source))
            .Where(c => CellMeta.Of(c).Role == CellRole.Tests)
            .SelectMany(c => CheckCalls.Find(NotebookJson.Source(c), false)).Select(c => c.Id).ToHashSet();

    private static (string Status, List<(string Id, bool Passed, string Message)> Checks, ToolRun Run) RunLesson(string notebook, string? baseDir)
    {
        var outDir = TempDir("edition-run");
        var results = Path.Combine(outDir, "results.jsonl");
        var args = new List<string> { "run", notebook, "--out", outDir, "--results", results, "--no-html" };
        if (baseDir is not null) args.AddRange(["--base-dir", baseDir]);
        var run = Run(args, killAfterSeconds: 300);
        var lines = File.Exists(results) ? ResultLines(results) : [];
        var checks = lines.Where(l => l["type"]?.GetValue<string>() == "check")
            .Select(l => (l["id"]!.GetValue<string>(), l["passed"]?.GetValue<bool>() == true, l["message"]?.GetValue<string>() ?? "")).ToList();
        var status = lines.LastOrDefault()?["status"]?.GetValue<string>() ?? $"no status (exit code {run.ExitCode})";
        return (status, checks, run);
    }

    private static string WithoutSetup(string ipynb) =>
        SetupSource().Replace(File.ReadAllText(ipynb).Replace("\r\n", "\n"), "#r …");

    [GeneratedRegex("""#r \\"[^"\\]*artifacts/kit/""")]
    private static partial Regex SetupSource();
}
