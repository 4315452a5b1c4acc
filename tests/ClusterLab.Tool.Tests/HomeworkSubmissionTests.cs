using System.Runtime.CompilerServices;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/*
 Issue 13, "Done when": sample submissions under Submissions/<hw>/own-work/ (written by Submissions/make_submissions.py
 from the committed student copies). Visible checks are worth 0 points (feedback); the points come from hidden checks
 on data drawn for each student (HiddenData.Seed), so a hard-coded visible answer earns nothing.

 The library-call shortcuts are caught before anything runs (static inspection with Roslyn's semantic model: the
 question is zeroed and the flag names the member), so they are checked without kernels:
 hw1  lib-estimate, lib-using-static, lib-alias, lib-reflection, lib-lambda -> q2-mu zeroed (GaussianMle.Estimate / GaussianMle)
      lib-var (var m = GaussianMle.Estimate)                                -> q3-sigma zeroed
      lib-qualified (global::ClusterLab.GaussianMle.LogLikelihood)          -> q4-loglik zeroed
 hw2  lib-em (Em.EStep, ClusterLab.Em.MStep, using static Em)               -> q1-estep, q2-mstep, q3-loglik zeroed
      lib-gmm, lib-gmm-parameters (GaussianMixture)                         -> q4-faithful zeroed

 The wrong answers are graded end to end (trusted checker + sandboxed workers):
 hw1 (q2-mu, q3-sigma, q4-loglik are the bonus code part, 2 each; q1-derivation is the hand-graded 20)
   honest 2 2 2 | blank 0 0 0 | partial (σ̂ without √) 2 0 2 | hardcoded (visible answers) 0 0 2 |
   sigma-squared (σ² for σ) 2 0 0 | n-minus-1 2 0 2 | scan (derivation as a PDF) 2 2 2
 hw2 (q1-estep 6, q2-mstep 6, q3-loglik 4, q4-faithful 4)
   honest 6 6 4 4 | blank 0 0 0 0 | partial (no LogLikelihood) 6 6 0 0 | hardcoded (visible ln p; its EM stops on it) 6 6 0 0 |
   sigma-for-inverse (Σ for Σ⁻¹) 0 6 4 0 | unnormalised γ 0 6 4 0 | n-minus-1 (Σ_k over N_k − 1) 6 0 4 0
*/

/// <summary>The issue-13 sample submissions: shortcuts caught statically, wrong answers graded end to end (table above).</summary>
public class HomeworkSubmissionTests
{
    private static string Repo([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
    private static string SourceOf(string hw) => Path.Combine(Repo(), "assignments", hw, "source", hw + ".ipynb");
    private static string OwnWork(string hw) => Path.Combine(Repo(), "tests", "ClusterLab.Tool.Tests", "Submissions", hw, "own-work");

    /// <summary>Grades the named samples (copied with their attachments into a class folder of their own).</summary>
    private static (IReadOnlyList<Submission> Subs, string Out) Grade(string hw, string[] students, string? manual = null)
    {
        var dir = TempDir("own-work-" + hw);
        var folder = Path.Combine(dir, "submissions");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.EnumerateFiles(OwnWork(hw)).Where(f => students.Contains(Path.GetFileName(f).Split('.')[0])))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var outDir = Path.Combine(dir, "graded");
        var options = new GradeOptions { OutDir = outDir, CellTimeout = 60, Timeout = 240, Grace = 30, Jobs = 2, Progress = false, ManualCsv = manual, CourseSecret = "test-secret" };
        var subs = Grader.Find(folder);
        return (Grader.Grade(GradeCommand.Create(Assignment.Load(SourceOf(hw)), options, subs), subs), outDir);
    }

    [Theory]
    [InlineData("hw1-gaussian-mle", "lib-estimate", "q2-mu", "GaussianMle.Estimate")]
    [InlineData("hw1-gaussian-mle", "lib-using-static", "q2-mu", "GaussianMle.Estimate")]
    [InlineData("hw1-gaussian-mle", "lib-alias", "q2-mu", "GaussianMle.Estimate")]
    [InlineData("hw1-gaussian-mle", "lib-reflection", "q2-mu", "GaussianMle")]
    [InlineData("hw1-gaussian-mle", "lib-lambda", "q2-mu", "GaussianMle.Estimate")]
    [InlineData("hw1-gaussian-mle", "lib-var", "q3-sigma", "GaussianMle.Estimate")]
    [InlineData("hw1-gaussian-mle", "lib-qualified", "q4-loglik", "GaussianMle.LogLikelihood")]
    [InlineData("hw2-em", "lib-em", "q1-estep", "Em.EStep")]
    [InlineData("hw2-em", "lib-em", "q2-mstep", "Em.MStep")]
    [InlineData("hw2-em", "lib-em", "q3-loglik", "ClusterLab.Em")] // using static ClusterLab.Em (the call itself binds to the script method: the directive is what is flagged)
    [InlineData("hw2-em", "lib-gmm", "q4-faithful", "GaussianMixture")]
    [InlineData("hw2-em", "lib-gmm-parameters", "q4-faithful", "GaussianMixture")]
    public void LibraryShortcutsAreFlaggedAndZeroTheirQuestion(string hw, string student, string question, string member)
    {
        var assignment = Assignment.Load(SourceOf(hw));
        var context = new GradeContext(assignment, new GradeOptions { OutDir = TempDir("shortcut-" + student), Progress = false });
        var s = new Submission(student, Path.Combine(OwnWork(hw), student + ".ipynb"));
        new SanitizeSubmission().Apply(s, context);
        new InspectStudentCode().Apply(s, context);
        Assert.True(s.Zeroed.ContainsKey(question), $"{hw}/{student}: {question} is not zeroed. Flags: {string.Join(" / ", s.Flags)}");
        Assert.Contains(s.Flags, f => f.Contains(member, StringComparison.Ordinal) && f.Contains(question, StringComparison.Ordinal));
        new ScoreCheckCells().Apply(s, context);
        Assert.Equal(0, s.Scores[question].Earned);
        Assert.All(s.Scores[question].Checks, c => Assert.StartsWith("0 points: ", c.Message));
    }

    [Fact]
    public void HonestAnswersAreNotFlagged()
    {
        foreach (var hw in new[] { "hw1-gaussian-mle", "hw2-em" })
        {
            var context = new GradeContext(Assignment.Load(SourceOf(hw)), new GradeOptions { OutDir = TempDir("honest-" + hw), Progress = false });
            var s = new Submission("honest", Path.Combine(OwnWork(hw), "honest.ipynb"));
            new SanitizeSubmission().Apply(s, context);
            new InspectStudentCode().Apply(s, context);
            Assert.True(s.Flags.Count == 0, $"{hw}: {string.Join(" / ", s.Flags)}");
        }
    }

    [SandboxFact]
    public void Hw1WrongAnswersScoreAsTheTableSaysAndTheManualFlowMerges()
    {
        var dir = TempDir("own-work-scores");
        var scores = Path.Combine(dir, "scores.csv");
        File.WriteAllText(scores, "student,question,rubric_id,points\n"
            + string.Join("\n", new[] { ("likelihood", 3), ("log", 3), ("d-mu", 3), ("d-sigma", 3), ("solve", 3), ("maximum", 2), ("biased", 2) }
                .Select(l => $"honest,q1-derivation,{l.Item1},{l.Item2}")) + "\n");
        var (subs, outDir) = Grade("hw1-gaussian-mle", ["honest", "blank", "partial", "hardcoded", "sigma-squared", "n-minus-1", "scan"], scores);
        var book = File.ReadAllText(Path.Combine(outDir, "gradebook.csv"));
        Assert.Equal(
            """
            student,q1-derivation,q2-mu,q3-sigma,q4-loglik,total,bonus,status,isolation
            blank,,0,0,0,0,0,ok,sandbox
            hardcoded,,0,0,2,0,2,ok,sandbox
            honest,19,2,2,2,19,6,ok,sandbox
            n-minus-1,,2,0,2,0,4,ok,sandbox
            partial,,2,0,2,0,4,ok,sandbox
            scan,,2,2,2,0,6,ok,sandbox
            sigma-squared,,2,0,0,0,2,ok,sandbox

            """.Replace("\r", ""), book);
        Assert.Contains("q2-mu-hidden", File.ReadAllText(Path.Combine(outDir, "feedback", "hardcoded.html")));
        var honest = File.ReadAllText(Path.Combine(outDir, "feedback", "honest.html"));
        Assert.Contains("log: ", honest);
        Assert.Contains("q2-mu</td><td><span class=\"pass\">passed</span> (practice check, no points)", honest); // a visible check worth 0
        Assert.Contains("q2-mu-hidden (hidden test)</td><td><span class=\"pass\">passed</span> 2/2", honest);
        Assert.Contains("manual-files/scan/q1-derivation/scan.scan.pdf", File.ReadAllText(Path.Combine(outDir, "manual.html")));
        Assert.All(subs, s => Assert.True(s.Flags.Count == 0, $"{s.Student}: {string.Join(" / ", s.Flags)}"));
    }

    [SandboxFact]
    public void Hw2WrongAnswersScoreAsTheTableSays()
    {
        var (_, outDir) = Grade("hw2-em", ["honest", "blank", "partial", "hardcoded", "sigma-for-inverse", "unnormalised", "n-minus-1"]);
        Assert.Equal(
            """
            student,q1-estep,q2-mstep,q3-loglik,q4-faithful,total,status,isolation
            blank,0,0,0,0,0,ok,sandbox
            hardcoded,6,6,0,0,12,ok,sandbox
            honest,6,6,4,4,20,ok,sandbox
            n-minus-1,6,0,4,0,10,ok,sandbox
            partial,6,6,0,0,12,ok,sandbox
            sigma-for-inverse,0,6,4,0,10,ok,sandbox
            unnormalised,0,6,4,0,10,ok,sandbox

            """.Replace("\r", ""), File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
    }

    /// <summary>What today's grader can already show: every sample is a readable notebook of the current release (no deleted or edited locked cell).</summary>
    [Theory]
    [InlineData("hw1-gaussian-mle")]
    [InlineData("hw2-em")]
    public void SamplesMatchTheCurrentRelease(string hw)
    {
        var assignment = Assignment.Load(SourceOf(hw));
        var released = NotebookJson.Clone(assignment.Source);
        Pipelines.Apply(Pipelines.Release(), released, new StepContext(hw));
        foreach (var path in Directory.EnumerateFiles(OwnWork(hw), "*.ipynb"))
        {
            var nb = NotebookJson.Load(path);
            var step = new StepContext(Path.GetFileNameWithoutExtension(path), assignment.Source, released);
            Pipelines.Apply(Pipelines.Sanitize(), nb, step);
            Assert.True(step.Flags.Count == 0, $"{path}: {string.Join("; ", step.Flags)}");
        }
    }
}
