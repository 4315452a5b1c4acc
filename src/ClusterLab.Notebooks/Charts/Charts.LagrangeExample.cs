namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// The lecture's Lagrange example (eq. 31-39): contours of f(x, y) = x + y, the constraint circle g(x, y) = x² + y² − 1 = 0,
    /// the stationary points (±√2/2, ±√2/2) and the gradients ∇f and ∇g there (parallel: ∇f = −λ∇g).
    /// </summary>
    public static Figure LagrangeExample() => throw new NotImplementedException();
}
