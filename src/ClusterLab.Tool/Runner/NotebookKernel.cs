using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace ClusterLab.Tool.Runner;

/// <summary>How a submitted cell ended.</summary>
internal enum CellStatus
{
    /// <summary>The cell ran to completion.</summary>
    Ok,
    /// <summary>The cell raised an exception or did not compile.</summary>
    Failed,
    /// <summary>The cell exceeded its time budget (and did not stop when cancelled).</summary>
    TimedOut,
}

/// <summary>
/// The C# kernel hosted in-process, set up as the dotnet-interactive tool sets it up for VS Code (a composite kernel
/// with a <c>csharp</c> subkernel, <c>#r "nuget:"</c>, kernel helpers, HTML as the default MIME type), plus the loading
/// of NuGet packages' kernel extensions (<c>interactive-extensions/dotnet/*.dll</c>), which the packages lack.
/// </summary>
internal sealed class NotebookKernel : IDisposable
{
    private static int _formattersSetUp;
    private readonly CompositeKernel _kernel;
    private readonly ConcurrentQueue<ResolvedPackageReference> _packagesToCheck = new();
    private readonly HashSet<string> _checkedPackageRoots = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private CellRecorder? _current;

    /// <summary>Creates a fresh kernel.</summary>
    public NotebookKernel()
    {
        SetUpFormatters();
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        csharp.UseNugetDirective((k, refs) =>
        {
            k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths));
            return Task.CompletedTask;
        });
        _kernel = new CompositeKernel { csharp };
        _kernel.DefaultKernelName = csharp.Name;
        _kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            await LoadPendingExtensionsAsync(context);
        }, "clusterlab-nuget-extensions");
        _subscription = _kernel.KernelEvents.Subscribe(new Observer(this));
    }

    /// <summary>Names of the kernel extensions loaded so far (type full names).</summary>
    public List<string> LoadedExtensions { get; } = [];

    /// <summary>
    /// Compiles and runs a trivial submission so that the first cell's time budget does not include the kernel's
    /// start-up (loading Roslyn takes seconds, many on a busy machine). Returns false if that did not finish in <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WarmUpAsync(TimeSpan timeout)
    {
        _current = null;
        var send = Task.Run(() => _kernel.SendAsync(new SubmitCode("0", "csharp")));
        return await Task.WhenAny(send, Task.Delay(timeout)) == send;
    }

    /// <summary>
    /// Runs <paramref name="code"/>, recording its outputs into <paramref name="recorder"/>. Waits at most
    /// <paramref name="timeout"/>; then cancels, gives the cell <paramref name="grace"/> to stop, and returns
    /// <see cref="CellStatus.TimedOut"/> (the caller records the error output).
    /// </summary>
    public async Task<CellStatus> RunCellAsync(string code, CellRecorder recorder, TimeSpan timeout, TimeSpan grace)
    {
        _current = recorder;
        using var cts = new CancellationTokenSource();
        var command = new SubmitCode(code, "csharp");
        var send = Task.Run(() => _kernel.SendAsync(command, cts.Token));
        var finished = await Task.WhenAny(send, Task.Delay(timeout));
        if (finished != send)
        {
            cts.Cancel();
            await Task.WhenAny(send, Task.Delay(grace));
            _current = null;
            return CellStatus.TimedOut;
        }
        KernelCommandResult result;
        try
        {
            result = await send;
        }
        catch (Exception e)
        {
            recorder.AddRunnerError(e.GetType().Name, e.Message);
            _current = null;
            return CellStatus.Failed;
        }
        _current = null;
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
        if (failed is not null)
        {
            recorder.Record(failed); // normally already seen live; the recorder drops duplicates
            return CellStatus.Failed;
        }
        return CellStatus.Ok;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        _kernel.Dispose();
    }

    /// <summary>Formatter defaults of the dotnet-interactive tool in VS Code (HTML unless a type prefers otherwise).</summary>
    private static void SetUpFormatters()
    {
        if (Interlocked.Exchange(ref _formattersSetUp, 1) == 1) return;
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }

    private async Task LoadPendingExtensionsAsync(KernelInvocationContext context)
    {
        while (_packagesToCheck.TryDequeue(out var package))
        {
            if (package.PackageRoot is null || !_checkedPackageRoots.Add(package.PackageRoot)) continue;
            var dir = new DirectoryInfo(Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet"));
            if (!dir.Exists) continue;
            foreach (var dll in dir.GetFiles("*.dll"))
            {
                try
                {
                    var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll.FullName);
                    foreach (var type in ExtensionTypes(assembly))
                    {
                        var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                        await extension.OnLoadAsync(_kernel);
                        LoadedExtensions.Add(type.FullName!);
                        context.Publish(new KernelExtensionLoaded(extension, context.Command));
                    }
                }
                catch (Exception e)
                {
                    context.Fail(context.Command, e,
                        $"Failed to load kernel extension from {dll.FullName}: {e.Message}");
                }
            }
        }
    }

    private static IEnumerable<Type> ExtensionTypes(Assembly assembly)
    {
        Type?[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; }
        return types.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
                                && typeof(IKernelExtension).IsAssignableFrom(t)
                                && t.GetConstructor(Type.EmptyTypes) is not null)!;
    }

    private sealed class Observer(NotebookKernel owner) : IObserver<KernelEvent>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(KernelEvent value)
        {
            if (value is PackageAdded added && added.PackageReference is { } r) owner._packagesToCheck.Enqueue(r);
            owner._current?.Record(value);
        }
    }
}
