namespace ClusterLab.Tool.Sandbox;

/// <summary>A sandbox cannot be started: bubblewrap is missing or cannot create namespaces here, or a path the sandbox
/// needs is not readable by the sandbox user. The message names the problem and the fix.</summary>
internal sealed class SandboxUnavailableException(string message) : Exception(message);
