namespace ClusterLab.Tool.Sandbox;

/// <summary>How a <see cref="SandboxedProcess"/> is isolated from the host.</summary>
internal enum IsolationMode
{
    /// <summary>Bubblewrap: new user, PID, network, IPC, UTS and mount namespaces; read-only system and given folders;
    /// one writable folder; resource limits. The only mode that is a security boundary.</summary>
    Bubblewrap,

    /// <summary>A plain child process with a cleared environment and the same resource limits where possible.
    /// NOT isolated: the child sees the whole host. Only for an explicit instructor opt-out.</summary>
    None,
}
