using System.Security.Cryptography;
using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The course secret that per-student hidden data are derived from: hidden tests draw their data from
/// <c>HiddenData.Seed(checkId)</c>, keyed in the checker process by <see cref="StudentKey"/>, so a leaked or hard-coded
/// hidden value is right for one student only. The secret never enters the repository.
/// </summary>
internal static class CourseSecret
{
    /// <summary>Environment variable read when <c>--secret</c> is not given.</summary>
    public const string EnvironmentVariable = "CLUSTERLAB_COURSE_SECRET";

    /// <summary>File created beside <c>source/</c> when no secret is given (git-ignored).</summary>
    public const string FileName = ".course-secret";

    /// <summary>
    /// The secret: <paramref name="option"/> (<c>--secret</c>) if given, else the environment variable
    /// <see cref="EnvironmentVariable"/>, else the content of <c>ASSIGNMENT/.course-secret</c>, created with 32 random
    /// bytes (hex) on first use and said on <paramref name="console"/>, so a regrade finds the same secret.
    /// </summary>
    /// <param name="option">The <c>--secret</c> value, or null.</param>
    /// <param name="assignmentDir">The assignment folder (<c>assignments/NAME/</c>), where the file is kept.</param>
    /// <param name="console">Where the creation of the file is announced.</param>
    /// <exception cref="FormatException">The option, variable or file holds an empty secret.</exception>
    public static string Resolve(string? option, string assignmentDir, TextWriter console)
    {
        if (option is not null)
            return option.Trim().Length > 0 ? option.Trim() : throw new FormatException("--secret is empty; give a secret or leave the option out.");
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env.Trim();
        var path = Path.Combine(assignmentDir, FileName);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : throw new FormatException($"{path} is empty: delete it (a new secret is made) or write the course secret in it.");
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(assignmentDir);
        File.WriteAllText(path, secret + "\n");
        console.WriteLine($"clusterlab grade: no --secret and no {EnvironmentVariable}: created a course secret in {path} "
                          + "(keep it, and out of git: a regrade needs it for the same hidden data).");
        return secret;
    }

    /// <summary>The student's key for the checker's <c>CLUSTERLAB_HIDDEN_KEY</c>: hex HMAC-SHA256(secret, student id).</summary>
    public static string StudentKey(string secret, string studentId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(studentId)));
}
