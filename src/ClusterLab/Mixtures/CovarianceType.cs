namespace ClusterLab;

/// <summary>
/// The form of the mixture's covariances, as scikit-learn's <c>covariance_type</c>. Whatever the type,
/// <see cref="GaussianMixtureModel.Covariances"/> returns one full d × d matrix per component.
/// </summary>
public enum CovarianceType
{
    /// <summary>Each component its own general Σ_k (<c>"full"</c>): k·d(d+1)/2 covariance parameters.</summary>
    Full,
    /// <summary>One general Σ shared by every component (<c>"tied"</c>): d(d+1)/2 covariance parameters.</summary>
    Tied,
    /// <summary>Each component its own diagonal Σ_k = diag(σ²_k1 … σ²_kd), axis-aligned ellipses (<c>"diag"</c>): k·d parameters.</summary>
    Diagonal,
    /// <summary>Each component its own Σ_k = σ²_k I, circles (<c>"spherical"</c>): k parameters.</summary>
    Spherical,
}
