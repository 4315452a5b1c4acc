using Microsoft.CodeAnalysis;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>Which risky .NET API family a library symbol belongs to (process, files, environment, reflection, network, interop).</summary>
internal static class ApiCategories
{
    private static readonly HashSet<string> FileTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
        "System.IO.FileStream", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.Compression.ZipFile",
        "System.IO.Compression.ZipFileExtensions", "System.IO.RandomAccess", "Microsoft.Win32.SafeHandles.SafeFileHandle",
    ];

    private static readonly HashSet<string> ReflectionTypeMembers =
    [
        "GetMethod", "GetMethods", "GetProperty", "GetProperties", "GetField", "GetFields", "GetMember", "GetMembers",
        "GetConstructor", "GetConstructors", "GetEvent", "GetEvents", "GetNestedType", "GetNestedTypes", "InvokeMember",
        "GetRuntimeMethod", "GetRuntimeMethods", "GetRuntimeProperty", "GetRuntimeProperties", "GetRuntimeField",
        "GetRuntimeFields", "GetTypeInfo", "Assembly", "Module", "MakeGenericType", "GetDefaultMembers", "FindMembers",
        "GetInterfaceMap", "TypeInitializer", "DeclaredMethods", "DeclaredMembers",
    ];

    /// <summary>The category of <paramref name="symbol"/> (a metadata type or member), or null when it is ordinary.</summary>
    public static FlagKind? Of(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } reduced }) symbol = reduced;
        symbol = symbol.OriginalDefinition;
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var typeName = type is null ? "" : ForbiddenPattern.Full(type);
        var ns = (symbol as INamespaceSymbol ?? type?.ContainingNamespace ?? symbol.ContainingNamespace) is { } n ? ForbiddenPattern.Full(n) : "";
        var member = symbol is INamedTypeSymbol ? "" : symbol.Name;

        if (typeName is "System.Diagnostics.Process" or "System.Diagnostics.ProcessStartInfo") return FlagKind.Process;
        if (FileTypes.Contains(typeName) || IsPathConstructor(symbol, typeName)
            || (typeName == "System.IO.Path" && member == "GetTempFileName")
            || Under(ns, "System.IO.Pipes") || Under(ns, "System.IO.MemoryMappedFiles") || Under(ns, "System.IO.IsolatedStorage"))
            return FlagKind.FileSystem;
        if ((typeName == "System.Environment" && member is not ("" or "NewLine" or "ProcessorCount"))
            || typeName is "System.AppDomain" or "System.AppContext" || Under(ns, "Microsoft.Win32"))
            return FlagKind.Environment;
        if (Under(ns, "System.Net")) return FlagKind.Network;
        if (Under(ns, "System.Runtime.InteropServices") || typeName == "System.Runtime.CompilerServices.Unsafe")
            return FlagKind.Interop;
        if (Under(ns, "System.Reflection") || Under(ns, "System.Runtime.Loader") || typeName == "System.Activator"
            || (typeName == "System.Type" && (ReflectionTypeMembers.Contains(member) || member == "GetType" && symbol.IsStatic))
            || (typeName is "System.Delegate" or "System.MulticastDelegate" && member is "DynamicInvoke" or "CreateDelegate" or "Method")
            || typeName == "System.Runtime.CompilerServices.UnsafeAccessorAttribute"
            || typeName == "System.Runtime.CompilerServices.RuntimeHelpers" && member is "RunClassConstructor" or "GetUninitializedObject"
            || Under(ns, "Microsoft.CodeAnalysis") || Under(ns, "Microsoft.DotNet.Interactive"))
            return FlagKind.Reflection;
        return null;
    }

    // new StreamWriter("path"), new StreamReader("path"): the stream classes are fine over memory, not over a path.
    private static bool IsPathConstructor(ISymbol symbol, string typeName) =>
        typeName is "System.IO.StreamWriter" or "System.IO.StreamReader" &&
        symbol is IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters: [{ Type.SpecialType: SpecialType.System_String }, ..] };

    private static bool Under(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
