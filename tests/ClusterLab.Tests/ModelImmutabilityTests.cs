using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

/// <summary>Models are immutable and agree with themselves: arrays out are copies, arrays in are copied, and predictions use exactly the state shown.</summary>
public sealed class ModelImmutabilityTests
{
    private static readonly double[][] X = Blobs(300, 2, 3, 1.0, 5);

    private static MixtureParameters TwoComponents() =>
        new([0.4, 0.6], [[-1.0, 0.0], [2.0, 1.0]], [[[1.0, 0.2], [0.2, 0.5]], [[0.7, 0.0], [0.0, 1.3]]]);

    [Fact]
    public void KMeans_model_hands_out_copies_and_predicts_with_what_it_shows()
    {
        var m = new KMeans(3) { Seed = 2 }.Fit(X);
        var predicted = m.Predict(X);
        var distances = m.Transform(X);
        var centroids = m.Centroids;
        centroids[0][0] += 100; centroids[1] = [1e6, 1e6];
        m.Labels[0] = 42;
        m.History[0].Centroids[0][0] = 1e9;
        Assert.Equal(predicted, m.Predict(X));
        Assert.Equal(distances[7], m.Transform(X)[7]);
        Assert.NotEqual(centroids[0][0], m.Centroids[0][0]);
        Assert.NotEqual(42, m.Labels[0]);
        Assert.NotEqual(1e9, m.History[0].Centroids[0][0]);
        Assert.Throws<NotSupportedException>(() => ((IList<KMeansIteration>)m.History).Add(m.History[0]));
    }

    [Fact]
    public void KMeans_model_constructor_copies_and_validates()
    {
        double[][] c = [[0.0, 0.0], [5.0, 5.0]];
        int[] labels = [0, 1, 1];
        var m = new KMeansModel(c, labels, 1.0, 1, []);
        c[1][0] = -5; labels[0] = 1;
        Assert.Equal([0, 1], m.Predict([[0.1, 0.0], [4.0, 4.0]]));
        Assert.Equal([0, 1, 1], m.Labels);
        Assert.Contains("labels[2]=2 is outside 0 … 1", Assert.Throws<ArgumentException>(() => new KMeansModel(c, [0, 1, 2], 1.0, 1, [])).Message);
        Assert.Throws<ArgumentNullException>(() => new KMeansModel(null!, labels, 1.0, 1, []));
        Assert.Throws<ArgumentNullException>(() => new KMeansModel(c, labels, 1.0, 1, null!));
        var it = new KMeansIteration(c, labels, 3.0);
        c[0][0] = 9; labels[1] = 0;
        Assert.Equal(0.0, it.Centroids[0][0]);
        Assert.Equal([1, 1, 1], it.Labels);
    }

    [Fact]
    public void Mixture_model_hands_out_copies_and_predicts_with_what_it_shows()
    {
        var m = new GaussianMixture(3) { Seed = 1 }.Fit(X);
        var gamma = m.Responsibilities(X);
        var means = m.Means; var covs = m.Covariances; var w = m.Weights;
        means[0][0] += 50; covs[1][0][0] *= 100; w[0] = 0.9;
        m.Parameters.Means[2][1] = 1e9;
        Assert.Equal(gamma[11], m.Responsibilities(X)[11]);
        Assert.NotEqual(means[0][0], m.Means[0][0]);
        Assert.NotEqual(covs[1][0][0], m.Covariances[1][0][0]);
        Assert.NotEqual(0.9, m.Weights[0]);
        Assert.NotEqual(1e9, m.Parameters.Means[2][1]);
        // What it shows is what it uses: the E-step at the exposed parameters gives the model's responsibilities.
        Assert.Equal(Em.EStep(X, new MixtureParameters(m.Weights, m.Means, m.Covariances))[11], m.Responsibilities(X)[11]);
    }

    [Fact]
    public void Mixture_parameters_copy_in_and_out()
    {
        double[] w = [0.4, 0.6];
        double[][] mu = [[-1.0, 0.0], [2.0, 1.0]];
        double[][][] s = [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]];
        var p = new MixtureParameters(w, mu, s);
        w[0] = 0.5; mu[0][0] = 7; s[0][0][0] = 9;
        p.Means[1][1] = 100; p.Covariances[1][1][1] = 100; p.Weights[1] = 0;
        Assert.Equal([0.4, 0.6], p.Weights);
        Assert.Equal([-1.0, 0.0], p.Means[0]);
        Assert.Equal(1.0, p.Covariances[0][0][0]);
        Assert.Equal(1.0, p.Means[1][1]);
        var (w2, mu2, s2) = p;
        Assert.Equal(p, new MixtureParameters(w2, mu2, s2));
    }

    [Fact]
    public void Mixture_parameters_compare_by_value()
    {
        var a = TwoComponents();
        var b = TwoComponents();
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        var c = b with { Weights = [0.5, 0.5] };
        Assert.NotEqual(a, c);
        var s = a.Covariances; s[1][1][1] = 1.3000000000000003;
        Assert.NotEqual(a, a with { Covariances = s });
        Assert.Equal(new EmIteration(a, -5.0), new EmIteration(b, -5.0));
        Assert.NotEqual(new EmIteration(a, -5.0), new EmIteration(c, -5.0));
        Assert.Single(new HashSet<MixtureParameters> { a, b });
        Assert.Equal(a.Sample(10, 3), b.Sample(10, 3));
        Assert.Equal(new LabeledData([[1.0, 2.0]], [0]), new LabeledData([[1.0, 2.0]], [0]));
        Assert.Equal(GaussianMle.Estimate(X), GaussianMle.Estimate(X.Select(r => (double[])r.Clone()).ToArray()));
    }

    [Fact]
    public void FromParameters_validates_and_predicts_with_exactly_those_parameters()
    {
        var p = TwoComponents();
        var m = GaussianMixtureModel.FromParameters(p);
        Assert.Equal(p, m.Parameters);
        Assert.Equal(Em.EStep(X, p)[3], m.Responsibilities(X)[3]);
        Assert.True(double.IsNaN(m.LogLikelihood));
        Assert.Empty(m.History);
        Assert.Null(m.SeedUsed);

        string Error(MixtureParameters q) => Assert.ThrowsAny<ArgumentException>(() => GaussianMixtureModel.FromParameters(q)).Message;
        Assert.Contains("is null", Assert.Throws<ArgumentNullException>(() => GaussianMixtureModel.FromParameters(null!)).Message);
        Assert.Contains("Weights sum to 0.9", Error(p with { Weights = [0.4, 0.5] }));
        Assert.Contains("Weights[1] is -0.1", Error(p with { Weights = [1.1 - 0.5, -0.1] }));
        Assert.Contains("Means has 1 rows but Weights has 2", Error(p with { Means = [[0.0, 0.0]] }));
        Assert.Contains("Means[1] has 3 values", Error(p with { Means = [[0.0, 0.0], [1.0, 1.0, 1.0]] }));
        Assert.Contains("Covariances[0] is not symmetric", Error(p with { Covariances = [[[1.0, 0.5], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]] }));
        Assert.Contains("Covariances[1] is not positive definite", Error(p with { Covariances = [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [2.0, 1.0]]] }));
        Assert.Contains("Means[0][1] is NaN", Error(p with { Means = [[0.0, double.NaN], [1.0, 1.0]] }));
    }

    [Fact]
    public void SeedUsed_repeats_a_fit_made_without_a_seed()
    {
        var km = new KMeans(3) { NInit = 2 }.Fit(X);
        Assert.NotNull(km.SeedUsed);
        Assert.Equal(km.Centroids, new KMeans(3) { NInit = 2, Seed = km.SeedUsed }.Fit(X).Centroids);
        Assert.Equal(17, new KMeans(3) { Seed = 17 }.Fit(X).SeedUsed);

        var mb = new MiniBatchKMeans(3) { BatchSize = 64 }.Fit(X);
        Assert.Equal(mb.Centroids, new MiniBatchKMeans(3) { BatchSize = 64, Seed = mb.SeedUsed }.Fit(X).Centroids);

        var gm = new GaussianMixture(3) { Init = MixtureInit.Random, NInit = 2 }.Fit(X);
        Assert.NotNull(gm.SeedUsed);
        Assert.Equal(gm.Parameters, new GaussianMixture(3) { Init = MixtureInit.Random, NInit = 2, Seed = gm.SeedUsed }.Fit(X).Parameters);
    }
}
