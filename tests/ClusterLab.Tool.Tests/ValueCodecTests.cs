using System.Text.Json.Nodes;
using ClusterLab.Tool.Remoting;

namespace ClusterLab.Tool.Tests;

/// <summary>The codec of the grader's call channel: round trips through JSON text (as the values travel), decoding
/// directed by the receiver's type, and the size and depth limits.</summary>
public class ValueCodecTests
{
    /// <summary>A record-like type with a constructor (not a C# record), like the answers a question may return.</summary>
    public sealed class Shape(int rows, double[] scale)
    {
        public int Rows { get; } = rows;
        public double[] Scale { get; } = scale;
    }

    public sealed record Estimate(double Mean, double[] Variances);

    private static object? RoundTrip(object? value, Type type)
    {
        var text = ValueCodec.Encode(value)?.ToJsonString() ?? "null";
        return ValueCodec.Decode(JsonNode.Parse(text), type);
    }

    private static T RoundTrip<T>(T value) => (T)RoundTrip(value, typeof(T))!;

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-1.2345678901234567e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Doubles_round_trip_bit_exact(double x) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(RoundTrip(x)));

    [Fact]
    public void Scalars_and_strings_round_trip()
    {
        Assert.Equal(int.MinValue, RoundTrip(int.MinValue));
        Assert.Equal(42, RoundTrip(42));
        Assert.True(RoundTrip(true));
        Assert.False(RoundTrip(false));
        Assert.Equal("naïve \"quoted\"\n\u0000 ✓", RoundTrip("naïve \"quoted\"\n\u0000 ✓"));
        Assert.Equal("", RoundTrip(""));
        Assert.Null(RoundTrip<string?>(null));
    }

    [Fact]
    public void Arrays_tuples_lists_and_records_round_trip()
    {
        double[] v = [1.5, double.NaN, -2, double.NegativeInfinity];
        Assert.Equal(v.Select(BitConverter.DoubleToInt64Bits), RoundTrip(v).Select(BitConverter.DoubleToInt64Bits));
        Assert.Empty(RoundTrip(Array.Empty<double>()));

        double[][] jagged = [[1, 2, 3], [], [4.25]];
        Assert.Equal(jagged, RoundTrip(jagged));

        var m = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var back = RoundTrip(m);
        Assert.Equal((2, 3), (back.GetLength(0), back.GetLength(1)));
        Assert.Equal(m, back);

        (double, double[]) t = (0.5, [1.0, 2.0]);
        var tb = RoundTrip(t);
        Assert.Equal(0.5, tb.Item1);
        Assert.Equal([1.0, 2.0], tb.Item2);

        var list = new List<double> { 3, 1, 2 };
        Assert.Equal(list, RoundTrip(list));
        Assert.Equal([3.0, 1.0, 2.0], (IReadOnlyList<double>)RoundTrip(list, typeof(IReadOnlyList<double>))!);

        var shape = RoundTrip(new Shape(3, [0.5, 2]));
        Assert.Equal(3, shape.Rows);
        Assert.Equal([0.5, 2.0], shape.Scale);

        var e = RoundTrip(new Estimate(1.25, [4, 9]));
        Assert.Equal(1.25, e.Mean);
        Assert.Equal([4.0, 9.0], e.Variances);

        var p = new ClusterLab.MixtureParameters([0.25, 0.75], [[0, 1], [2, 3]], [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]);
        var pb = RoundTrip(p);
        Assert.Equal(p.Weights, pb.Weights);
        Assert.Equal(p.Means, pb.Means);
        Assert.Equal(p.Covariances, pb.Covariances);
    }

    [Theory]
    [InlineData("\"4\"", typeof(double), "expected a number, got the string \"4\"")]
    [InlineData("[1, 2]", typeof(double), "expected a number, got a list of 2")]
    [InlineData("null", typeof(double), "null where a double was expected")]
    [InlineData("1.5", typeof(int), "does not fit a int")]
    [InlineData("3000000000", typeof(int), "does not fit a int")]
    [InlineData("1", typeof(bool), "expected true or false, got number")]
    [InlineData("2", typeof(string), "expected a string, got number")]
    [InlineData("{\"a\": 1}", typeof(double[]), "expected a double[] (a list), got an object")]
    [InlineData("[1, \"x\"]", typeof(double[]), "expected a number, got the string \"x\"")]
    [InlineData("[[1, 2], [3]]", typeof(double[,]), "a double[,] needs rows of equal length")]
    [InlineData("[1]", typeof(ValueTuple<double, double[]>), "a ValueTuple<double, double[]> needs 2 items, got 1")]
    [InlineData("[1, 2]", typeof(Estimate), "expected a Estimate, got a list of 2")]
    [InlineData("\"x\"", typeof(Action), "values of type Action cannot be passed")]
    public void Decoding_follows_the_receivers_type_and_says_what_does_not_fit(string json, Type type, string message)
    {
        var e = Assert.Throws<FormatException>(() => ValueCodec.Decode(JsonNode.Parse(json), type));
        Assert.Contains(message, e.Message);
    }

    /// <summary>A record-like type whose constructor refuses a negative variance.</summary>
    public sealed class Checked
    {
        public Checked(double variance) => Variance = variance >= 0 ? variance : throw new ArgumentOutOfRangeException(nameof(variance), "negative");
        public double Variance { get; }
    }

    [Fact]
    public void A_record_whose_constructor_refuses_the_values_is_a_format_error()
    {
        var e = Assert.Throws<FormatException>(() => ValueCodec.Decode(JsonNode.Parse("{\"Variance\": -1}"), typeof(Checked)));
        Assert.StartsWith("Checked: ", e.Message);
    }

    [Fact]
    public void Values_that_cannot_travel_are_refused_by_name()
    {
        var e = Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(new Action(() => { })));
        Assert.Contains("Action", e.Message);
        Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(new double[1, 1, 1]));
        Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(new object()));
    }

    [Fact]
    public void Size_and_depth_are_limited()
    {
        var tooMany = Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(new double[ValueCodec.MaxElements + 1]));
        Assert.Contains($"more than {ValueCodec.MaxElements} elements", tooMany.Message);
        Assert.NotNull(ValueCodec.Encode(new double[1000]));

        var longText = new string('x', ValueCodec.MaxStringChars + 1);
        Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(longText));
        var tooLong = Assert.Throws<FormatException>(() => ValueCodec.Decode(JsonValue.Create(longText), typeof(string)));
        Assert.Contains($"longer than {ValueCodec.MaxStringChars} characters", tooLong.Message);

        JsonNode deep = JsonValue.Create(1.0);
        for (var i = 0; i <= ValueCodec.MaxDepth + 1; i++) deep = new JsonArray(deep);
        var tooDeep = Assert.Throws<FormatException>(() => ValueCodec.Decode(deep, typeof(object)));
        Assert.Contains($"deeper than {ValueCodec.MaxDepth} levels", tooDeep.Message);

        object nested = 1.0;
        for (var i = 0; i <= ValueCodec.MaxDepth + 1; i++) nested = new[] { nested };
        Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(nested));

        // a self-referencing list cannot loop forever: the depth limit stops it
        var loop = new List<object>();
        loop.Add(loop);
        Assert.Throws<NotSupportedException>(() => ValueCodec.Encode(loop));
    }
}
