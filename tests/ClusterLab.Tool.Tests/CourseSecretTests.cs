using ClusterLab.Notebooks;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>Per-student hidden data: the course secret, the student keys and <see cref="HiddenData.Seed"/>.</summary>
[Collection("environment")] // sets CLUSTERLAB_HIDDEN_KEY and reads CLUSTERLAB_COURSE_SECRET
public class CourseSecretTests
{
    [Fact]
    public void AMissingSecretIsCreatedOnceSaidAndReused()
    {
        var old = Environment.GetEnvironmentVariable(CourseSecret.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CourseSecret.EnvironmentVariable, null);
        try
        {
            var dir = TempDir("secret");
            var console = new StringWriter();
            var first = CourseSecret.Resolve(null, dir, console);
            Assert.Equal(64, first.Length);
            Assert.Contains("created a course secret in " + Path.Combine(dir, ".course-secret"), console.ToString());
            var again = new StringWriter();
            Assert.Equal(first, CourseSecret.Resolve(null, dir, again));
            Assert.Equal("", again.ToString());
            Assert.Equal("given", CourseSecret.Resolve("given", dir, again));
            Environment.SetEnvironmentVariable(CourseSecret.EnvironmentVariable, "from-env");
            Assert.Equal("from-env", CourseSecret.Resolve(null, dir, again));
            Assert.Contains("--secret is empty", Assert.Throws<FormatException>(() => CourseSecret.Resolve(" ", dir, again)).Message);
        }
        finally { Environment.SetEnvironmentVariable(CourseSecret.EnvironmentVariable, old); }
    }

    [Fact]
    public void TwoStudentsGetDifferentDataAndARegradeTheSame()
    {
        var ana = CourseSecret.StudentKey("s3cret", "ana");
        Assert.Equal(ana, CourseSecret.StudentKey("s3cret", "ana"));
        Assert.NotEqual(ana, CourseSecret.StudentKey("s3cret", "ben"));
        Assert.NotEqual(ana, CourseSecret.StudentKey("other", "ana"));
        Assert.Matches("^[0-9a-f]{64}$", ana);
        int SeedFor(string? key)
        {
            Environment.SetEnvironmentVariable(HiddenData.KeyVariable, key);
            try { return HiddenData.Seed("q2-mu-hidden"); }
            finally { Environment.SetEnvironmentVariable(HiddenData.KeyVariable, null); }
        }
        var anaSeed = SeedFor(ana);
        Assert.Equal(anaSeed, SeedFor(CourseSecret.StudentKey("s3cret", "ana")));
        Assert.NotEqual(anaSeed, SeedFor(CourseSecret.StudentKey("s3cret", "ben")));
        Assert.NotEqual(anaSeed, SeedFor(null));
        Assert.Equal(SeedFor(null), SeedFor(null));                       // the instructor's own run: fixed per check
        Assert.NotEqual(HiddenData.Seed("q2-mu-hidden"), HiddenData.Seed("q3-sigma-hidden"));
        Assert.True(anaSeed >= 0);
        Assert.NotEqual(new Random(anaSeed).NextDouble(), new Random(SeedFor(CourseSecret.StudentKey("s3cret", "ben"))).NextDouble());
        Environment.SetEnvironmentVariable(HiddenData.KeyVariable, "not hex");
        try { Assert.Contains("should be hex", Assert.Throws<InvalidOperationException>(() => HiddenData.Seed("x")).Message); }
        finally { Environment.SetEnvironmentVariable(HiddenData.KeyVariable, null); }
    }

    [Fact]
    public void GradeCommandTakesSecretOption() =>
        Assert.Contains("--secret S", GradeCommand.Usage);
}
