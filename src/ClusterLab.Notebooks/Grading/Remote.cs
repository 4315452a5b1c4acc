namespace ClusterLab.Notebooks;

/// <summary>
/// The grader's narrow channel to a student's code. When a submission is graded, the check cells run in the grader's own
/// (trusted) process, where every function of a solution cell is a proxy that calls <see cref="Call{T}"/>: the arguments
/// are serialised, the student's function runs in the sandboxed process that executed the student's notebook, and only
/// its return value (or the type and message of what it threw) comes back. Outside grading there is no channel and
/// <see cref="Call{T}"/> throws.
/// </summary>
public static class Remote
{
    /// <summary>
    /// <see cref="AppDomain"/> data key under which the grader installs the channel: a
    /// <c>Func&lt;RemoteCall, (object? Value, string? ErrorType, string? ErrorMessage)&gt;</c> (BCL types only, so the
    /// kit and the grader need not share an assembly).
    /// </summary>
    public const string ChannelKey = "ClusterLab.Remote.Channel";

    /// <summary><see cref="AppDomain"/> data key of <see cref="Hidden"/>: the grader clears it before each submission and each pass.</summary>
    public const string HiddenKey = "ClusterLab.Remote.Hidden";

    /// <summary>
    /// True while hidden tests run: the grader refuses their calls in its first (visible) pass. Kept in an
    /// <see cref="AppDomain"/> slot that the grader resets, so a hidden-tests cell that ended in an exception before
    /// switching it off cannot leave it on for the next pass or the next student graded in the same process.
    /// </summary>
    public static bool Hidden
    {
        get => AppDomain.CurrentDomain.GetData(HiddenKey) is true;
        set => AppDomain.CurrentDomain.SetData(HiddenKey, value);
    }

    /// <summary>Calls the student's <paramref name="name"/> and returns its value converted to <typeparamref name="T"/>.</summary>
    /// <param name="name">The function (or variable) name, as declared in the solution cell.</param>
    /// <param name="parameterTypes">The parameter types as written in the source's declaration, e.g. <c>"double[]"</c>.</param>
    /// <param name="returnType">The return type as written, e.g. <c>"double"</c> (<c>"void"</c> for none).</param>
    /// <param name="args">The arguments, in order.</param>
    public static T Call<T>(string name, string[] parameterTypes, string returnType, params object?[] args) =>
        (T)Send(name, parameterTypes, returnType, args, typeof(T))!;

    /// <summary>Calls a student's method that returns nothing.</summary>
    public static void Invoke(string name, string[] parameterTypes, params object?[] args) =>
        Send(name, parameterTypes, "void", args, typeof(void));

    private static object? Send(string name, string[] parameterTypes, string returnType, object?[] args, Type resultType)
    {
        if (AppDomain.CurrentDomain.GetData(ChannelKey) is not Func<(string, string[], string, object?[], Type, bool), (object?, string?, string?)> channel)
            throw new InvalidOperationException($"{name} is a proxy for the student's answer; it can only be called while the notebook is graded.");
        var (value, errorType, errorMessage) = channel((name, parameterTypes, returnType, args, resultType, Hidden));
        if (errorType is null) return value;
        throw RemoteException.Rebuild(errorType, errorMessage ?? "");
    }
}
