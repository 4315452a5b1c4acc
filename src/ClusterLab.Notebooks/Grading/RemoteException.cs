namespace ClusterLab.Notebooks;

/// <summary>An exception the student's code threw in the other process, known only by its type name and message.</summary>
public sealed class RemoteException : Exception
{
    private RemoteException(string typeName, string message) : base(message) => TypeName = typeName;

    /// <summary>The full name of the exception type the student's code threw.</summary>
    public string TypeName { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{TypeName}: {Message}";

    /// <summary>
    /// The exception to throw on the grader's side: the same common BCL type where it is one (so a check reads
    /// "not answered yet" for <see cref="NotImplementedException"/>, "IndexOutOfRangeException: …" and so on), else a
    /// <see cref="RemoteException"/> carrying the name. Nothing of the student's is ever instantiated.
    /// </summary>
    public static Exception Rebuild(string typeName, string message) => typeName switch
    {
        "System.NotImplementedException" => new NotImplementedException(message),
        "System.ArgumentException" => new ArgumentException(message),
        "System.ArgumentNullException" => new ArgumentException(message),
        "System.ArgumentOutOfRangeException" => new ArgumentOutOfRangeException(null, message),
        "System.InvalidOperationException" => new InvalidOperationException(message),
        "System.IndexOutOfRangeException" => new IndexOutOfRangeException(message),
        "System.NullReferenceException" => new NullReferenceException(message),
        "System.DivideByZeroException" => new DivideByZeroException(message),
        "System.FormatException" => new FormatException(message),
        "System.OverflowException" => new OverflowException(message),
        "System.NotSupportedException" => new NotSupportedException(message),
        "System.InvalidCastException" => new InvalidCastException(message),
        "System.TimeoutException" => new TimeoutException(message),
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
        _ => new RemoteException(typeName, message),
    };
}
