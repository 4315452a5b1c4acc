using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// The untrusted side of grading (<c>clusterlab __serve NOTEBOOK --base-dir DIR --cell-timeout S --timeout S</c>, started
/// inside the sandbox): runs the student's notebook (no test code in it), says "ready" on standard output with the cells
/// that failed, then answers calls of the student's functions, one JSON line each (see <see cref="CallProtocol"/>).
/// Nothing it says is trusted: the grader decodes every answer into the type it expects and scores it itself.
/// </summary>
internal static class SubmissionWorker
{
    /// <summary>The hidden verb.</summary>
    public const string Verb = "__serve";

    /// <summary>AppDomain slot through which a registration cell hands over the student's function.</summary>
    private const string Slot = "ClusterLab.Serve.Function";

    /// <summary>Runs the worker; returns its exit code.</summary>
    public static int Run(string[] args)
    {
        var parsed = new Arguments(args, "--base-dir", "--cell-timeout", "--timeout", "--skip");
        if (parsed.Positionals.Count != 1) throw new ArgumentException("usage: __serve NOTEBOOK --base-dir DIR --cell-timeout S --timeout S");
        var notebook = Path.GetFullPath(parsed.Positionals[0]);
        var folder = Path.GetDirectoryName(notebook)!;
        if (parsed.Get("--skip") is { Length: > 0 } skip) notebook = WithoutCells(notebook, skip.Split(','));
        var channel = new LineChannel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        Console.SetOut(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }); // stray output never reaches the channel
        var options = new RunOptions
        {
            Target = notebook,
            OutDir = Path.Combine(folder, "run"),
            BaseDir = parsed.Get("--base-dir"),
            WorkingDirectory = folder,
            CellTimeout = TimeSpan.FromSeconds(parsed.Positive("--cell-timeout", 60)),
            NotebookTimeout = TimeSpan.FromSeconds(parsed.Positive("--timeout", 600)),
            ContinueOnError = true,
            NoHtml = true,
        };
        var served = false;
        var result = NotebookRunner.RunAsync(notebook, options, new ResultsLog(null), async (kernel, run) =>
        {
            served = true;
            channel.Send(CallProtocol.Ready(run.Status, FailedCells(run)));
            await Serve(kernel, channel, options.CellTimeout);
        }, cell => channel.Send(CallProtocol.Running(NotebookDocument.Id(cell) ?? ""))).GetAwaiter().GetResult();
        if (!served) channel.Send(CallProtocol.Ready(result.Status, FailedCells(result)));
        return 0;
    }

    private static async Task Serve(NotebookKernel kernel, LineChannel channel, TimeSpan compileTimeout)
    {
        var functions = new Dictionary<string, Delegate>(StringComparer.Ordinal);
        while (channel.Receive(_ => true, TimeSpan.FromDays(1)) is { } request)
        {
            var call = CallProtocol.ReadRequest(request);
            if (call is null) continue;
            JsonObject reply;
            try
            {
                if (!functions.TryGetValue(call.Key, out var function))
                    functions[call.Key] = function = await Register(kernel, call, compileTimeout);
                var parameters = function.GetType().GetMethod("Invoke")!.GetParameters();
                if (parameters.Length != call.Args.Count)
                    throw new CallFailedException("ClusterLab.WrongArguments", $"{call.Name} takes {parameters.Length} arguments, the grader sent {call.Args.Count}.");
                var values = new object?[parameters.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    try { values[i] = ValueCodec.Decode(call.Args[i], parameters[i].ParameterType); }
                    catch (FormatException e) { throw new CallFailedException("ClusterLab.WrongArguments", $"argument {i + 1} of {call.Name}: {e.Message}"); }
                }
                object? value;
                try { value = function.DynamicInvoke(values); }
                catch (TargetInvocationException e) when (e.InnerException is { } inner)
                {
                    throw new CallFailedException(inner.GetType().FullName ?? inner.GetType().Name, inner.Message);
                }
                JsonNode? encoded;
                try { encoded = ValueCodec.Encode(value); }
                catch (NotSupportedException e) { throw new CallFailedException("ClusterLab.UnreadableResult", $"{call.Name} returned something the grader cannot read: {e.Message}"); }
                reply = CallProtocol.Value(call.Id, encoded);
            }
            catch (CallFailedException e)
            {
                reply = CallProtocol.Error(call.Id, e.TypeName, e.Message);
            }
            channel.Send(reply);
        }
    }

    /// <summary>Compiles a one-line cell in the student's kernel that hands the function over as a delegate.</summary>
    private static async Task<Delegate> Register(NotebookKernel kernel, CallRequest call, TimeSpan timeout)
    {
        AppDomain.CurrentDomain.SetData(Slot, null);
        var recorder = new CellRecorder(0);
        var status = await kernel.RunCellAsync(CallProtocol.RegistrationCode(call, Slot), recorder, timeout, TimeSpan.FromSeconds(2));
        if (status == CellStatus.Ok && AppDomain.CurrentDomain.GetData(Slot) is Delegate d) return d;
        var error = recorder.ToOutputs(2000).OfType<JsonObject>().Select(o => o["evalue"]?.ToString()).FirstOrDefault(e => e is not null) ?? "";
        var firstLine = error.Split('\n')[0];
        throw new CallFailedException("ClusterLab.MissingAnswer",
            $"{call.Signature} is not declared in your notebook with this signature (keep the one the notebook gives): {firstLine}");
    }

    /// <summary>A copy of the notebook whose cells <paramref name="ids"/> (which ran out of time or ended the process on an earlier start) are emptied.</summary>
    private static string WithoutCells(string notebook, IReadOnlyCollection<string> ids)
    {
        var doc = NotebookDocument.Load(notebook);
        foreach (var cell in doc.Cells.Where(c => ids.Contains(NotebookDocument.Id(c) ?? "")))
            cell["source"] = NotebookDocument.ToLines("// skipped by the grader: on an earlier run this cell ran out of time or ended the process");
        var copy = Path.Combine(Path.GetDirectoryName(notebook)!, "submission-rerun.ipynb");
        doc.Save(copy);
        return copy;
    }

    private static JsonArray FailedCells(NotebookRunResult run)
    {
        var failed = new JsonArray();
        if (run.OutNotebook is null || !File.Exists(run.OutNotebook)) return failed;
        var doc = NotebookDocument.Load(run.OutNotebook);
        for (var i = 0; i < doc.Cells.Count; i++)
        {
            var error = (doc.Cells[i]["outputs"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(o => o["output_type"]?.ToString() == "error");
            if (error is null) continue;
            failed.Add(new JsonObject
            {
                ["cell"] = NotebookDocument.Id(doc.Cells[i]) ?? (i + 1).ToString(CultureInfo.InvariantCulture),
                ["error"] = $"{error["ename"]}: {error["evalue"]}".Split('\n')[0],
                ["timeout"] = error["ename"]?.ToString() == "TimeoutException",
            });
        }
        return failed;
    }

    private sealed class CallFailedException(string typeName, string message) : Exception(message)
    {
        public string TypeName { get; } = typeName;
    }
}
