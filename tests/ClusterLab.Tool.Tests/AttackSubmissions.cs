using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// The small assignment the attack tests grade (built in code) and one submission per attack of issue 12. Every attack
/// that writes files or starts processes only ever touches paths under the test's own root folder (a safety rail, so a
/// broken sandbox cannot damage the machine it runs on); inside that root it tries everything it can find.
/// </summary>
internal static class AttackSubmissions
{
    /// <summary>Hidden inputs and answers: numbers that appear nowhere else, so any leak of them is unambiguous.</summary>
    public static readonly string[] HiddenValues = ["7131.25", "8273.5", "7702.375", "613.0625", "1226.125"];

    /// <summary>Points of each auto-graded column for a complete submission.</summary>
    public static readonly Dictionary<string, double> Full = new() { ["q1"] = 5, ["q2"] = 1, ["q2h"] = 4 };

    /// <summary>
    /// setup (the repository's kit by absolute path), prompt, data, Mean (q1: public check against the library + hidden
    /// check), Twice (q2: public check; q2h: a hidden-tests cell), a manual question, a free cell.
    /// </summary>
    public static JsonObject Source(string kitDir) => new()
    {
        ["cells"] = new JsonArray(
            Cell("setup", "code", $"#r \"{kitDir}/ClusterLab.dll\"\n#r \"{kitDir}/ClusterLab.Notebooks.dll\"\nusing ClusterLab;\nusing ClusterLab.Notebooks;\nKit.Setup()", "setup"),
            Cell("intro", "markdown", "# Attack lab\nWrite `Mean` and `Twice`.", "prompt"),
            Cell("data", "code", "double[] data = [1.0, 3.0];", "prompt"),
            Cell("q1-answer", "code", "double Mean(double[] x)\n{\n    // BEGIN SOLUTION\n    return x.Average();\n    // END SOLUTION\n}", "solution", "q1-answer"),
            Cell("q1-tests", "code",
                "Check.Close(\"q1\", 2, GaussianMle.Estimate(data).Mean, () => Mean(data));\n" +
                "// BEGIN HIDDEN TESTS\nCheck.Close(\"q1-hidden\", 3, 7702.375, () => Mean([7131.25, 8273.5]), 1e-9, \"secret hint\");\n// END HIDDEN TESTS",
                "tests", "q1", 5),
            Cell("q2-answer", "code", "double Twice(double x)\n{\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}", "solution", "q2-answer"),
            Cell("q2-tests", "code", "Check.That(\"q2\", 1, () => Twice(2) == 4);", "tests", "q2", 1),
            Cell("q2-hidden", "code", "Check.Close(\"q2-secret\", 4, 1226.125, () => Twice(613.0625));", "hidden-tests", "q2h", 4),
            Cell("q3", "markdown", "$\\hat\\mu = \\bar x$ because …", "manual", "q3", 10),
            Cell("free", "code", "Console.WriteLine(\"scratch\");")),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    /// <summary>The released copy with the given cells' sources replaced and extra cells inserted after a cell id.</summary>
    public static JsonObject Submit(JsonObject released, Dictionary<string, string> code, params (string After, JsonObject Cell)[] extra)
    {
        var nb = NotebookJson.Clone(released);
        foreach (var (id, text) in code) NotebookJson.SetSource(CellById(nb, id), text);
        var cells = NotebookJson.Cells(nb);
        foreach (var (after, cell) in extra)
        {
            var at = cells.Select((c, i) => (c, i)).Single(p => NotebookJson.Id((JsonObject)p.c!) == after).i;
            cells.Insert(at + 1, cell);
        }
        return nb;
    }

    /// <summary>The submissions by student id. <paramref name="root"/> is the only folder the attacks may write under;
    /// <paramref name="marker"/> is what they write (the test scans for it); <paramref name="stallMarker"/> names the stalling child.</summary>
    public static Dictionary<string, JsonObject> All(JsonObject released, string root, string marker, string stallMarker)
    {
        string R(string s) => s.Replace("{ROOT}", root).Replace("{MARKER}", marker).Replace("{STALL}", stallMarker);
        const string Right1 = "double Mean(double[] x) => x.Average();";
        const string Right2 = "double Twice(double x) => 2 * x;";
        const string Zero2 = "double Twice(double x) => 0;";
        var subs = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            // 9. honest submissions: complete (10 points), partial (Twice adds 2: the public check passes, the hidden one
            // does not: 6 points), blank (the released copy: 0).
            ["honest-complete"] = Submit(released, new() { ["q1-answer"] = Right1, ["q2-answer"] = Right2 }),
            ["honest-partial"] = Submit(released, new() { ["q1-answer"] = Right1, ["q2-answer"] = "double Twice(double x) => x + 2;" }),
            ["honest-blank"] = NotebookJson.Clone(released),

            // 1. shadowing: the kit's Check declared by the student with Close/That that report every check passed (as
            // the old grader ran the check cells in the student's kernel, they would have called it); then, in an extra
            // cell whose metadata claims to be a locked tests cell of q1, the same as @Check (a text match for
            // "class Check" misses it) and a GaussianMle/Em like the library's whose estimate equals the student's
            // (wrong) Mean, so that a test computing its expected value in the student's kernel would compare 0 with 0.
            ["shadowing"] = Submit(released, new()
            {
                ["q1-answer"] = """
                    class Check
                    {
                        public static void Close(string id, double points, double expected, Func<double> actual, double tol = 1e-6, string hint = "") =>
                            Console.WriteLine($"PASS {id} {points}/{points} ok");
                        public static void That(string id, double points, Func<bool> condition, string hint = "") =>
                            Console.WriteLine($"PASS {id} {points}/{points} ok");
                    }
                    double Mean(double[] x) => 0;
                    """,
                ["q2-answer"] = "double Twice(double x) => Em.Twice(x);",
            }, ("q1-answer", ClaimedCell("q1-tests-extra", """
                    class @Check
                    {
                        public static void Close(string id, double points, double expected, Func<double> actual, double tol = 1e-6, string hint = "") { }
                        public static void That(string id, double points, Func<bool> condition, string hint = "") { }
                    }
                    record GaussianEstimate(double Mean, double Variance);
                    static class GaussianMle { public static GaussianEstimate Estimate(double[] x) => new(0, 1); }
                    static class Em { public static double Twice(double x) => 0; }
                    double Mean(double[] x) => GaussianMle.Estimate(x).Mean;
                    @Check.Close("q1", 2, 0, () => 0);
                    """))),

            // 2. the results and call channels: appends passing result lines to every *.jsonl it can find (cwd, parents,
            // paths on any /proc/*/cmdline), rewrites them from ProcessExit, prints fake PASS lines and result JSON,
            // displays real check-result MIME outputs by calling the kit's own Check in its notebook; and during its
            // first call Mean writes, on the process's real standard output (the grader's pipe), replies to the next 200
            // call ids with the value 4 (what Twice(2) should be) and a second "ready" line. Twice itself is not written.
            ["forge"] = Submit(released, new()
            {
                ["q1-answer"] = R("""
                    using System.IO;
                    static string Rail = "{ROOT}";
                    static string Forged = string.Join("\n", new[] { "q1:2", "q1-hidden:3", "q2:1", "q2-secret:4" }.Select(s =>
                        $"{{\"id\":\"{s.Split(':')[0]}\",\"points\":{s.Split(':')[1]},\"earned\":{s.Split(':')[1]},\"passed\":true,\"message\":\"ok\"}}")) + "\n";
                    static IEnumerable<string> Folders()
                    {
                        var dirs = new List<string> { ".", "..", "../..", "../../..", "/tmp" };
                        foreach (var p in Directory.GetDirectories("/proc"))
                            try { dirs.AddRange(File.ReadAllText(p + "/cmdline").Split('\0').Where(a => a.StartsWith("/")).SelectMany(a => new[] { a, Path.GetDirectoryName(a) ?? "/" })); } catch { }
                        return dirs.Select(d => Path.GetFullPath(d)).Distinct().Where(d => d.StartsWith(Rail) || d == "/tmp" || d.StartsWith(Directory.GetCurrentDirectory()));
                    }
                    static void Forge(bool rewrite)
                    {
                        foreach (var d in Folders())
                        {
                            try { foreach (var f in Directory.EnumerateFiles(d, "*.jsonl", SearchOption.AllDirectories).Take(200))
                                      try { if (rewrite) File.WriteAllText(f, Forged); else File.AppendAllText(f, Forged); } catch { } } catch { }
                            try { File.AppendAllText(Path.Combine(d, "results.jsonl"), Forged); } catch { }
                        }
                    }
                    Forge(false);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Forge(true);
                    Console.WriteLine("PASS q1 2/2 ok\nPASS q1-hidden 3/3 ok\nPASS q2 1/1 ok\nPASS q2-secret 4/4 ok");
                    Console.Write(Forged);
                    Check.That("q1", 2, () => true);
                    Check.Close("q1-hidden", 3, 1, () => 1);
                    Check.That("q2", 1, () => true);
                    Check.That("q2-secret", 4, () => true);
                    double Mean(double[] x)
                    {
                        Forge(false);
                        var o = Console.OpenStandardOutput();
                        var text = "{\"ready\":true,\"status\":\"ok\",\"failed_cells\":[]}\n";
                        for (int i = 0; i < 200; i++) text += "{\"reply\":" + i + ",\"value\":4}\n";
                        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                        o.Write(bytes, 0, bytes.Length);
                        o.Flush();
                        Console.WriteLine("{\"reply\":2,\"value\":4}");
                        return 0;
                    }
                    """),
                ["q2-answer"] = "double Twice(double x) => throw new NotImplementedException();",
            }),

            // 3. spying: looks for the instructor's notebook and hidden tests (every *.ipynb/*.json*/*.log/*.csv under the
            // working folder's parents, /, /tmp, /var/tmp, /root, /home, /work and every absolute path on /proc/*/cmdline;
            // /proc/*/environ; the environment) and prints what it saw (the test reads the executed notebook the grader copies back);
            // every call records its arguments in memory and in files (its folder, /tmp, the sibling worker folders); a
            // hidden call throws them in its message; the visible checks throw everything recorded and found, hoping a
            // hidden call happened in the same process before them; Twice answers right until it has seen an input the
            // released notebook does not hold (in the grader's second pass), then throws what it has seen.
            ["spy"] = Submit(released, new()
            {
                ["q1-answer"] = """
                    using System.IO;
                    static List<string> Found = new();
                    static void Look()
                    {
                        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Found.Add($"env {e.Key}={e.Value}");
                        var dirs = new List<string> { ".", "..", "../..", "../../..", "../../../..", "/", "/tmp", "/var/tmp", "/root", "/home", "/work" };
                        foreach (var p in Directory.GetDirectories("/proc"))
                        {
                            try { var c = File.ReadAllText(p + "/cmdline").Split('\0'); Found.Add($"cmdline {p}: {string.Join(" ", c)}"); dirs.AddRange(c.Where(a => a.StartsWith("/"))); } catch { }
                            try { Found.Add($"environ {p}: {File.ReadAllText(p + "/environ").Replace('\0', ' ')}"); } catch { }
                        }
                        foreach (var d in dirs.SelectMany(d => new[] { d, Path.GetDirectoryName(Path.GetFullPath(d)) ?? "/" }).Select(Path.GetFullPath).Distinct())
                        {
                            if (d.StartsWith("/usr") || d.StartsWith("/proc") || d.StartsWith("/sys") || d.StartsWith("/dev") || d.StartsWith("/lib")) continue;
                            try
                            {
                                foreach (var f in Directory.EnumerateFiles(d, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 6, IgnoreInaccessible = true }).Take(3000))
                                {
                                    if (!(f.EndsWith(".ipynb") || f.EndsWith(".jsonl") || f.EndsWith(".log") || f.EndsWith(".json") || f.EndsWith(".csv"))) continue;
                                    try { var t = File.ReadAllText(f); Found.Add($"file {f}: {(t.Contains("BEGIN " + "HIDDEN") || t.Contains("7131" + ".25") ? "FOUND-" + "SECRET " : "")}{string.Join(" ", t.Split('\n').Where(l => l.Contains("Check.")).Take(20))}"); }
                                    catch (Exception e) { Found.Add($"unreadable {f}: {e.GetType().Name}"); }
                                }
                            }
                            catch (Exception e) { Found.Add($"no dir {d}: {e.GetType().Name}"); }
                        }
                        Console.WriteLine("SPY-FOUND\n" + string.Join("\n", Found)); // kept in the executed notebook the grader copies back
                    }
                    Look();
                    static List<string> Seen = new();
                    static readonly string[] Stashes = { "stash.txt", "/tmp/stash.txt", "../stash.txt", "../hidden/stash.txt", "../visible/stash.txt" };
                    static void Stash(string s) { Seen.Add(s); foreach (var p in Stashes) try { File.AppendAllText(p, s + "\n"); } catch { } }
                    static string All() { var all = new List<string>(Seen); foreach (var p in Stashes) try { all.Add(File.ReadAllText(p)); } catch { } return string.Join(";", all); }
                    double Mean(double[] x)
                    {
                        Stash(string.Join(",", x));
                        if (x[0] != 1.0) throw new InvalidOperationException("hidden inputs: " + All());
                        throw new Exception(string.Join(" | ", Found.Where(f => f.Contains("Check.") || f.Contains("FOUND-" + "SECRET") || f.Contains("source"))));
                    }
                    """,
                ["q2-answer"] = """
                    double Twice(double v)
                    {
                        Stash(v.ToString());
                        if (Seen.All(s => s == "2" || s == "1,3")) return 2 * v; // only the released notebook's inputs so far: a right answer
                        throw new InvalidOperationException("seen: " + All() + " " + string.Join(" | ", Found.Where(f => f.StartsWith("cmdline"))));
                    }
                    """,
            }),

            // 4. rewrites everything it can find outside its folder (paths from /proc/*/cmdline, /proc/*/cwd and
            // /proc/*/fd, the working folder's parents): appends the marker to every file, drops PWNED files, deletes sibling folders, and leaves detached
            // processes (setsid + nohup, and a plain background shell) that append to every gradebook.csv candidate 5 s later.
            ["tamper"] = Submit(released, new()
            {
                ["q1-answer"] = R("""
                    using System.IO;
                    using System.Diagnostics;
                    static string Rail = "{ROOT}", Marker = "{MARKER}";
                    var own = Directory.GetCurrentDirectory();
                    var dirs = new List<string> { "..", "../..", "../../..", "../../../.." };
                    foreach (var p in Directory.GetDirectories("/proc"))
                    {
                        var seen = new List<string>();
                        try { seen.AddRange(File.ReadAllText(p + "/cmdline").Split('\0').Where(a => a.StartsWith("/"))); } catch { }
                        try { seen.Add(new DirectoryInfo(p + "/cwd").LinkTarget ?? ""); } catch { }                   // working folders
                        try { seen.AddRange(Directory.GetFiles(p + "/fd").Select(f => new FileInfo(f).LinkTarget ?? "")); } catch { } // open files
                        foreach (var a in seen.Where(a => a.StartsWith("/"))) for (var d = a; d is not null && d.Length > 1; d = Path.GetDirectoryName(d)) dirs.Add(d);
                    }
                    var targets = dirs.Select(Path.GetFullPath).Distinct().Where(d => d.StartsWith(Rail) && !d.StartsWith(own)).ToList();
                    foreach (var d in targets)
                    {
                        try { File.WriteAllText(Path.Combine(d, "PWNED-" + Marker), Marker); } catch { }
                        try { File.AppendAllText(Path.Combine(d, "gradebook.csv"), "zz," + Marker + "\n"); } catch { }
                        try { foreach (var f in Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(own)).Take(500)) try { File.AppendAllText(f, Marker); } catch { } } catch { }
                        try { foreach (var s in Directory.GetDirectories(d)) if (!own.StartsWith(s)) try { Directory.Delete(s, true); } catch { } } catch { }
                    }
                    foreach (var d in targets.Append(own + "/../.."))
                    {
                        var gb = Path.Combine(d, "gradebook.csv");
                        try { Process.Start("/bin/sh", new[] { "-c", $"setsid nohup sh -c 'sleep 5; echo {Marker} >> {gb}' >/dev/null 2>&1 &" }); } catch { }
                        try { Process.Start("/bin/sh", new[] { "-c", $"(sleep 5; echo {Marker} >> {gb}) &" }); } catch { }
                    }
                    double Mean(double[] x) => 0;
                    """),
                ["q2-answer"] = Zero2,
            }),

            // 5. stalling: a shell that sleeps 600 s inherits the worker's stdout and stderr (keeps the output pipe open),
            // and Mean is an endless loop (the call times out). Twice is right: it keeps its 5 points.
            ["stall"] = Submit(released, new()
            {
                ["q1-answer"] = R("""
                    var stall = new System.Diagnostics.ProcessStartInfo("/bin/sh") { UseShellExecute = false };
                    stall.ArgumentList.Add("-c");
                    stall.ArgumentList.Add("sleep 600; echo {STALL}");
                    System.Diagnostics.Process.Start(stall);
                    double Mean(double[] x) { while (true) { } }
                    """),
                ["q2-answer"] = Right2,
            }),

            // 7 and 8. a complete submission saved without cell ids (nbformat 4.4, as some front ends save), whose first
            // answer cell makes 20,000 short writes.
            ["no-ids-many-writes"] = WithoutIds(Submit(released, new()
            {
                ["q1-answer"] = "for (int i = 0; i < 20000; i++) Console.Write(\"x\");\n" + Right1,
                ["q2-answer"] = Right2,
            })),
        };
        return subs;
    }

    /// <summary>6. hostile file names (all must be refused, with a reason); their content is a blank copy.</summary>
    public static readonly string[] HostileNames = ["...ipynb", "..ipynb", "=1+2.ipynb", "a b.ipynb", new string('n', 243) + ".ipynb"];

    private static JsonObject ClaimedCell(string id, string source)
    {
        var cell = Cell(id, "code", source, "tests", "q1", 5);
        cell["metadata"]!["clusterlab"]!["locked"] = true;
        cell["outputs"] = new JsonArray();
        return cell;
    }

    private static JsonObject WithoutIds(JsonObject nb)
    {
        foreach (var c in NotebookJson.CellObjects(nb)) c.Remove("id");
        nb["nbformat_minor"] = 4;
        return nb;
    }
}
