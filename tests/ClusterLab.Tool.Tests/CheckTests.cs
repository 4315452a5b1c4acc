using System.Text.Json;
using ClusterLab.Notebooks;

namespace ClusterLab.Tool.Tests;

/// <summary>Check-cell logic: tolerance rule, shapes, NaN, exceptions from student code, result JSON and HTML.</summary>
public class CheckTests
{
    /// <summary>Runs <paramref name="check"/> with a fresh id and returns the result it recorded.</summary>
    private static CheckResult Record(Action<string> check)
    {
        var id = "t-" + Guid.NewGuid().ToString("N");
        check(id);
        return Assert.Single(Check.Results, r => r.Id == id);
    }

    [Fact]
    public void Close_scalar_within_tolerance_passes_and_earns_the_points()
    {
        var r = Record(id => Check.Close(id, 2, 0.5, () => 0.5 + 1e-9));
        Assert.True(r.Passed);
        Assert.Equal(2, r.Earned);
        Assert.Equal(2, r.Points);
    }

    [Fact]
    public void Close_scalar_wrong_answer_fails_with_expected_and_got()
    {
        var r = Record(id => Check.Close(id, 2, 0.5, () => 0.6, hint: "divide by n"));
        Assert.False(r.Passed);
        Assert.Equal(0, r.Earned);
        Assert.Contains("expected 0.5", r.Message);
        Assert.Contains("got 0.6", r.Message);
        Assert.Equal("divide by n", r.Hint);
    }

    [Theory]
    [InlineData(1e6, 1e6 + 0.9, 1e-6, true)]   // relative: tol·|e| = 1
    [InlineData(1e6, 1e6 + 1.1, 1e-6, false)]
    [InlineData(1e-9, 5e-7, 1e-6, true)]       // absolute below 1: tol·1
    [InlineData(1e-9, 2e-6, 1e-6, false)]
    [InlineData(-3.0, -3.0, 0.0, true)]
    public void Close_uses_tol_times_max_1_abs_expected(double expected, double actual, double tol, bool passes)
    {
        var r = Record(id => Check.Close(id, 1, expected, () => actual, tol));
        Assert.Equal(passes, r.Passed);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    public void NaN_never_passes(double expected, double actual)
    {
        var r = Record(id => Check.Close(id, 1, expected, () => actual, tol: 1e9));
        Assert.False(r.Passed);
        Assert.Contains("NaN", r.Message);
    }

    [Fact]
    public void Messages_show_enough_digits_to_tell_expected_from_actual()
    {
        var r = Record(id => Check.Close(id, 1, 2.0268431, () => 2.0268435, tol: 1e-9));
        Assert.False(r.Passed);
        Assert.Contains("expected 2.0268431, got 2.0268435", r.Message);
    }

    [Fact]
    public void NaN_inside_a_vector_fails_at_its_index()
    {
        var r = Record(id => Check.Close(id, 1, new[] { 1.0, 2.0 }, () => new[] { 1.0, double.NaN }));
        Assert.False(r.Passed);
        Assert.StartsWith("value[1]", r.Message);
    }

    [Fact]
    public void Vector_length_mismatch_fails_naming_both_lengths()
    {
        var r = Record(id => Check.Close(id, 1, new[] { 1.0, 2.0, 3.0 }, () => new[] { 1.0, 2.0 }));
        Assert.False(r.Passed);
        Assert.Contains("expected length 3, got length 2", r.Message);
    }

    [Fact]
    public void Vector_entry_mismatch_names_the_index()
    {
        var r = Record(id => Check.Close(id, 1, new[] { 1.0, 2.0 }, () => new[] { 1.0, 2.5 }));
        Assert.False(r.Passed);
        Assert.StartsWith("value[1]: expected 2, got 2.5", r.Message);
        Assert.Equal("[1, 2]", r.Expected);
        Assert.Equal("[1, 2.5]", r.Actual);
    }

    [Fact]
    public void Vector_null_answer_fails()
    {
        var r = Record(id => Check.Close(id, 1, new[] { 1.0 }, () => null!));
        Assert.False(r.Passed);
        Assert.Contains("got null", r.Message);
    }

    [Fact]
    public void Matrix_close_passes_and_shape_mismatch_fails()
    {
        double[][] e = [[1, 2], [3, 4]];
        Assert.True(Record(id => Check.Close(id, 1, e, () => [[1, 2], [3, 4 + 1e-8]])).Passed);
        var wrongRows = Record(id => Check.Close(id, 1, e, () => [[1, 2]]));
        Assert.False(wrongRows.Passed);
        Assert.Contains("expected shape 2×2, got shape 1×2", wrongRows.Message);
        var ragged = Record(id => Check.Close(id, 1, e, () => [[1, 2], [3]]));
        Assert.False(ragged.Passed);
        Assert.Contains("expected shape 2×2", ragged.Message);
        var entry = Record(id => Check.Close(id, 1, e, () => [[1, 2], [3, 5]]));
        Assert.StartsWith("value[1][1]: expected 4, got 5", entry.Message);
    }

    [Fact]
    public void NotImplementedException_fails_with_the_not_answered_note()
    {
        static double Answer() => throw new NotImplementedException();
        var r = Record(id => Check.Close(id, 3, 1.0, Answer));
        Assert.False(r.Passed);
        Assert.Equal(0, r.Earned);
        Assert.StartsWith("not answered yet", r.Message);
        Assert.Contains("your code here", r.Message);
    }

    [Fact]
    public void A_check_cannot_pass_while_the_answer_throws_even_if_the_condition_would_hold()
    {
        static bool Answer() => throw new NotImplementedException();
        Assert.False(Record(id => Check.That(id, 1, () => Answer() || true)).Passed);
        Assert.False(Record(id => Check.Run(id, 1, () => { _ = Answer(); })).Passed);
    }

    [Fact]
    public void Other_exceptions_are_summarised_in_one_line_without_a_stack_trace()
    {
        static double Answer() => throw new InvalidOperationException("boom\nsecond line");
        var r = Record(id => Check.Close(id, 1, 1.0, Answer));
        Assert.False(r.Passed);
        Assert.Equal("InvalidOperationException: boom", r.Message);
        Assert.DoesNotContain(" at ", r.ToHtml());
        Assert.DoesNotContain(" at ", r.ToJson());
    }

    [Fact]
    public void Wrapped_exceptions_are_unwrapped()
    {
        var r = Record(id => Check.That(id, 1, () => throw new AggregateException(new NotImplementedException())));
        Assert.StartsWith("not answered yet", r.Message);
    }

    [Fact]
    public void That_false_fails_and_true_passes()
    {
        Assert.False(Record(id => Check.That(id, 1, () => false, hint: "h")).Passed);
        Assert.True(Record(id => Check.That(id, 1, () => true)).Passed);
    }

    [Fact]
    public void Run_reports_the_first_failed_expectation()
    {
        var r = Record(id => Check.Run(id, 2, () =>
        {
            Expect.True(true);
            Expect.Close(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 });
            Expect.Equal(new[] { 0, 1, 1 }, new[] { 0, 1, 2 }, what: "labels");
            Expect.True(false, "never reached");
        }));
        Assert.False(r.Passed);
        Assert.Equal("labels[2]: expected 1, got 2", r.Message);
        Assert.True(Record(id => Check.Run(id, 2, () => Expect.Throws<ArgumentException>(() => throw new ArgumentException("x")))).Passed);
        Assert.False(Record(id => Check.Run(id, 2, () => Expect.Throws<ArgumentException>(() => { }))).Passed);
        Assert.False(Record(id => Check.Run(id, 2, () => Expect.Equal(new List<int> { 1, 2 }, new List<int> { 1 }))).Passed);
        Assert.True(Record(id => Check.Run(id, 2, () => Expect.Equal(new List<int> { 1, 2 }, new List<int> { 1, 2 }))).Passed);
    }

    [Fact]
    public void Invalid_check_arguments_are_instructor_errors_and_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("q", -1, 1.0, () => 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("q", 1, 1.0, () => 1.0, tol: -1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("q", 1, 1.0, () => 1.0, tol: double.NaN));
        Assert.Throws<ArgumentException>(() => Check.That(" ", 1, () => true));
        Assert.Throws<ArgumentNullException>(() => Check.Close("q", 1, (double[])null!, () => [1.0]));
    }

    [Fact]
    public void Json_has_exactly_the_grader_fields_and_round_trips()
    {
        var r = Record(id => Check.Close(id, 1.5, 2.0, () => 3.0));
        using var doc = JsonDocument.Parse(r.ToJson());
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "id", "points", "earned", "passed", "message" }, names);
        Assert.Equal(1.5, doc.RootElement.GetProperty("points").GetDouble());
        Assert.Equal(0, doc.RootElement.GetProperty("earned").GetDouble());
        Assert.False(doc.RootElement.GetProperty("passed").GetBoolean());
        var back = CheckResult.FromJson(r.ToJson());
        Assert.Equal((r.Id, r.Points, r.Earned, r.Passed, r.Message), (back.Id, back.Points, back.Earned, back.Passed, back.Message));
        Assert.Equal("application/vnd.clusterlab.check+json", Check.ResultMimeType);
    }

    [Fact]
    public void Line_and_html_show_pass_or_fail_hint_expected_and_got_escaped()
    {
        var r = Record(id => Check.Close(id, 2, new[] { 1.0 }, () => new[] { 7.0 }, hint: "use <b>x</b> & y"));
        Assert.Equal($"FAIL {r.Id} 0/2 {r.Message}", r.ToLine());
        var html = r.ToHtml();
        Assert.Contains("FAIL", html);
        Assert.Contains("use &lt;b&gt;x&lt;/b&gt; &amp; y", html);
        Assert.Contains("[1]", html);
        Assert.Contains("[7]", html);
        Assert.Contains("data-passed=\"false\"", html);
        var ok = Record(id => Check.That(id, 1, () => true));
        Assert.StartsWith($"PASS {ok.Id} 1/1", ok.ToLine());
        Assert.Contains("data-passed=\"true\"", ok.ToHtml());
    }

    [Fact]
    public void Summary_keeps_the_latest_result_per_id()
    {
        CheckResult Make(string id, bool passed, double points) =>
            new() { Id = id, Points = points, Earned = passed ? points : 0, Passed = passed, Message = passed ? "ok" : "no" };
        var s = new CheckSummary([Make("a", false, 2), Make("b", true, 1), Make("a", true, 2)]);
        Assert.Equal(new[] { "a", "b" }, s.Results.Select(r => r.Id));
        Assert.Equal(3, s.Earned);
        Assert.Equal(3, s.Points);
        Assert.Equal("3/3 points, 2/2 checks passed", s.ToString());
        Assert.Contains("<table", s.ToHtml());
    }
}

/// <summary>Expect.Close refuses a tolerance that would make any comparison pass or fail by construction.</summary>
public class ExpectToleranceTests
{
    [Theory]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_tolerance_is_an_error_not_a_pass(double tol)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Expect.Close(1.0, 1.0, tol));
        Assert.Throws<ArgumentOutOfRangeException>(() => Expect.Close([1.0], [1.0], tol));
        Assert.Throws<ArgumentOutOfRangeException>(() => Expect.Close([[1.0]], [[1.0]], tol));
    }
}
