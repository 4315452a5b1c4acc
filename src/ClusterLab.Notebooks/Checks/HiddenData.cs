using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ClusterLab.Notebooks;

/// <summary>
/// Seeds for the data of hidden tests, different for every student: <c>new Random(HiddenData.Seed("q2-mu-hidden"))</c>.
/// When the grader's trusted checker runs a student's hidden tests it sets <see cref="KeyVariable"/> to the student's key
/// (HMAC-SHA256(course secret, student id), hex), so a hidden value that leaks or is hard-coded fits one student only.
/// Without the variable (the instructor's own run of the source, a lesson) each check id gets a fixed seed.
/// </summary>
public static class HiddenData
{
    /// <summary>Environment variable holding the student's key, as hex; set only in the grader's checker process.</summary>
    public const string KeyVariable = "CLUSTERLAB_HIDDEN_KEY";

    /// <summary>
    /// A seed in [0, 2³¹ − 1] for <paramref name="checkId"/>: the first four bytes of HMAC-SHA256(key, checkId) with the
    /// key from <see cref="KeyVariable"/>; without it, of SHA-256("clusterlab:" + checkId), the same on every machine.
    /// </summary>
    /// <param name="checkId">The hidden check's id (different checks get independent data).</param>
    /// <exception cref="ArgumentException"><paramref name="checkId"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The variable is set but is not hex.</exception>
    public static int Seed(string checkId)
    {
        if (string.IsNullOrWhiteSpace(checkId)) throw new ArgumentException("checkId should name the hidden check, e.g. \"q2-mu-hidden\".", nameof(checkId));
        var id = Encoding.UTF8.GetBytes(checkId);
        var keyText = Environment.GetEnvironmentVariable(KeyVariable);
        byte[] hash;
        if (string.IsNullOrWhiteSpace(keyText)) hash = SHA256.HashData(Encoding.UTF8.GetBytes("clusterlab:" + checkId));
        else
        {
            byte[] key;
            try { key = Convert.FromHexString(keyText.Trim()); }
            catch (FormatException) { throw new InvalidOperationException($"{KeyVariable} should be hex (the grader sets it), got {keyText.Trim().Length} characters that are not."); }
            hash = HMACSHA256.HashData(key, id);
        }
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) & 0x7FFF_FFFF);
    }
}
