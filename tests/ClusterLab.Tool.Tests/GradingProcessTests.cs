using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// The whole grade command over a class of eight made-up submissions, with Submissions/fake-checker.py standing in for
/// the trusted checker <c>clusterlab __check</c> (no kernel, no sandbox: seconds, not minutes). GradingAssignmentTests does the same with the real runner.
/// </summary>
public class GradingProcessTests
{
    private static string FakeChecker([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Submissions", "fake-checker.py");

    private static string AnswerQ1(string body) => $"double Mean(double[] x)\n{{\n    {body}\n}}";

    /// <summary>Writes the class: returns (source path, submissions folder).</summary>
    private static (string Source, string Folder) MakeClass(string dir)
    {
        var source = Source();
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(source, src);
        var folder = Path.Combine(dir, "submissions");
        Directory.CreateDirectory(folder);
        void Save(string student, Action<JsonObject> edit)
        {
            var nb = Released(source);
            edit(nb);
            NotebookJson.Save(nb, Path.Combine(folder, student + ".ipynb"));
        }
        void Complete(JsonObject nb)
        {
            NotebookJson.SetSource(CellById(nb, "q1-answer"), AnswerQ1("return x.Average();"));
            NotebookJson.SetSource(CellById(nb, "q2-answer"), "double Twice(double x) => x + x;");
            NotebookJson.SetSource(CellById(nb, "q3"), "The mean: $\\hat\\mu = \\frac{1}{N}\\sum_n x_n$, from (18).");
        }
        Save("ana", Complete);                                                       // complete
        Save("ben", _ => { });                                                       // nothing answered
        Save("cat", nb =>                                                            // tampered
        {
            Complete(nb);
            NotebookJson.SetSource(CellById(nb, "q1-answer"), AnswerQ1("return 0; // wrong:q1"));
            NotebookJson.SetSource(CellById(nb, "q1-tests"), "Check.That(\"q1\", 2, () => true);");
            NotebookJson.Cells(nb).Remove(CellById(nb, "q2-tests"));
            NotebookJson.Cells(nb).Add(Cell("fake", "code", "Check.That(\"q1\", 2, () => true);"));
        });
        Save("dan", nb => { Complete(nb); NotebookJson.SetSource(CellById(nb, "q2-answer"), "while (true) { }"); }); // hang
        Save("eve", nb => { Complete(nb); NotebookJson.SetSource(CellById(nb, "q2-answer"), "Environment.Exit(1);"); }); // crash
        File.WriteAllText(Path.Combine(folder, "fay.ipynb"), "{\"cells\": [ {\"cell_type\": \"code\", \"sou");   // malformed
        Save("gus", nb => { Complete(nb); NotebookJson.SetSource(CellById(nb, "free"), "// FAKE-HUGE"); });          // huge output
        Save("hal", nb => { Complete(nb); NotebookJson.SetSource(CellById(nb, "free"), "// FAKE-HANG"); });          // the whole run hangs
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a notebook: ignored");
        return (src, folder);
    }

    private static GradeOptions Options(string outDir, string? manual = null) => new()
    {
        OutDir = outDir, Timeout = 10, Grace = 2, CellTimeout = 5, Jobs = 2, Progress = false, ManualCsv = manual,
        Runner = new RunnerCommand("python3", [FakeChecker()]),
    };

    private static IReadOnlyList<Submission> GradeClass(string src, string folder, GradeOptions options)
    {
        var subs = Grader.Find(folder);
        return Grader.Grade(GradeCommand.Create(Assignment.Load(src), options, subs), subs);
    }

    [Fact]
    public void GradesAClassWithEveryKindOfBadSubmission()
    {
        var dir = TempDir("class");
        var (src, folder) = MakeClass(dir);
        var before = Hashes(folder);
        var outDir = Path.Combine(dir, "graded");
        var subs = GradeClass(src, folder, Options(outDir));

        Assert.Equal(
            """
            student,q1,q2,q2h,q3,total,status,isolation
            ana,5,1,4,,10,ok,sandbox
            ben,0,0,0,,0,ok,sandbox
            cat,3,1,4,,8,ok,sandbox
            dan,5,0,0,,5,timeout,sandbox
            eve,5,0,0,,5,crashed,sandbox
            fay,0,0,0,,0,malformed,sandbox
            gus,5,1,4,,10,ok,sandbox
            hal,0,0,0,,0,timeout,sandbox

            """.Replace("\r", ""),
            File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
        Assert.Equal(before, Hashes(folder)); // the submissions folder is never modified

        var cat = subs.Single(s => s.Student == "cat");
        Assert.Equal(
            ["locked cell q1 (cell q1-tests) was edited; the original was restored.", "cell q2 (cell q2-tests) was deleted; it was re-inserted."],
            cat.Flags);
        Assert.True(new FileInfo(Path.Combine(outDir, "work", "gus", "checker.log")).Length <= RunChecks.MaxLogChars + 100);

        var manual = File.ReadAllText(Path.Combine(outDir, "manual.csv"));
        Assert.StartsWith("student,question,rubric_id,criterion,points_possible,points,answer\nana,q3,,,10,,\"The mean:", manual); // quoted: the answer holds a comma
        Assert.Contains("\nben,q3,,,10,,YOUR ANSWER HERE\n", manual);
        Assert.Contains("\nfay,q3,,,10,,\n", manual);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.Equal(38, summary["earned"]!.GetValue<double>());
        Assert.Equal(8 * 20, summary["possible"]!.GetValue<double>());
        Assert.Equal(2, summary["status_counts"]!["timeout"]!.GetValue<int>());
        var ana = summary["students"]![0]!;
        Assert.Equal("pass", ana["classroom"]!["status"]!.GetValue<string>());
        Assert.Equal(10, ana["classroom"]!["max_score"]!.GetValue<double>());

        var feedback = File.ReadAllText(Path.Combine(outDir, "feedback", "cat.html"));
        Assert.Contains("was edited; the original was restored", feedback);
        Assert.DoesNotContain("42.5", feedback);
        Assert.Contains("ran out of time; it was skipped", File.ReadAllText(Path.Combine(outDir, "feedback", "dan.html")));
        Assert.Contains("longer than 12 s and was stopped", File.ReadAllText(Path.Combine(outDir, "feedback", "hal.html")));
    }

    [Fact]
    public void GradingTwiceGivesTheSameFilesAndManualPointsMerge()
    {
        var dir = TempDir("twice");
        var (src, folder) = MakeClass(dir);
        GradeClass(src, folder, Options(Path.Combine(dir, "a")));
        GradeClass(src, folder, Options(Path.Combine(dir, "a2")));
        foreach (var f in new[] { "gradebook.csv", "summary.json", "manual.csv", "feedback/cat.html" })
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "a", f)), File.ReadAllText(Path.Combine(dir, "a2", f)));

        var scores = Path.Combine(dir, "scores.csv");
        File.WriteAllText(scores, "student,question,points\nana,q3,8\ncat,q3,2.5\n");
        GradeClass(src, folder, Options(Path.Combine(dir, "b"), scores));
        var book = File.ReadAllText(Path.Combine(dir, "b", "gradebook.csv"));
        Assert.Contains("\nana,5,1,4,8,18,ok,sandbox\n", book);
        Assert.Contains("\ncat,3,1,4,2.5,10.5,ok,sandbox\n", book);
        Assert.Contains("\nben,0,0,0,,0,ok,sandbox\n", book);
        Assert.Contains("ana,q3,,,10,8,", File.ReadAllText(Path.Combine(dir, "b", "manual.csv")));
    }

    [Fact]
    public void GradeCommandRejectsBadArgumentsAndAnUnknownManualStudent()
    {
        var dir = TempDir("cmd");
        var (src, folder) = MakeClass(dir);
        Assert.Equal(2, GradeCommand.Run([src]));
        Assert.Equal(2, GradeCommand.Run([src, folder, "--timeout", "-1"]));
        Assert.Equal(2, GradeCommand.Run([src, folder, "--bogus", "1"]));
        var scores = Path.Combine(dir, "scores.csv");
        File.WriteAllText(scores, "zed,q3,1\n");
        Assert.Equal(1, GradeCommand.Run([src, folder, "--manual", scores, "--out", Path.Combine(dir, "out")]));
    }

    [Fact]
    public void AMissingRunnerStopsGradingWithAClearMessage()
    {
        var dir = TempDir("norunner");
        var (src, folder) = MakeClass(dir);
        var options = Options(Path.Combine(dir, "out"));
        options.Runner = new RunnerCommand(Path.Combine(dir, "no-such-program"), []);
        var e = Assert.Throws<InvalidOperationException>(() => GradeClass(src, folder, options));
        Assert.Contains("cannot start the checker", e.Message);
    }
}
