#!/usr/bin/env python3
"""Writes the sample submissions of hw1 and hw2 from the committed student copies (release/), so they match the
current cell ids. Run after `clusterlab release`:  python3 tests/ClusterLab.Tool.Tests/Submissions/make_submissions.py
The expected score of each is the table at the top of HomeworkSubmissionTests.cs (own-work/) and GradingAssignmentTests.cs."""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

def lines(s):
    parts = s.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])

def make(hw, folder, name, answers, extra=None, edit=None):
    nb = json.load(open(os.path.join(ROOT, "assignments", hw, "release", hw + ".ipynb"), encoding="utf-8"))
    for c in nb["cells"]:
        if c["id"] in answers: c["source"] = lines(answers[c["id"]])
        if edit and c["id"] in edit: c["source"] = lines(edit[c["id"]])
    for after, cell in (extra or []):
        i = [c["id"] for c in nb["cells"]].index(after)
        nb["cells"].insert(i + 1, cell)
    out = os.path.join(HERE, hw, folder, name + ".ipynb")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False); f.write("\n")

def code(cid, text):
    return {"cell_type": "code", "execution_count": None, "id": cid, "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": lines(text)}

# ---------------------------------------------------------------- hw1
DERIVATION = r"""$\mathcal L=\prod_n\mathcal N(x_n\mid\mu,\sigma^2)$ (i.i.d.), $\ln\mathcal L=-\frac N2\ln2\pi-N\ln\sigma-\frac1{2\sigma^2}\sum_n(x_n-\mu)^2$.

$\partial_\mu\ln\mathcal L=\frac1{\sigma^2}\sum_n(x_n-\mu)=0\Rightarrow\hat\mu=\frac1N\sum_nx_n$; $\partial_\sigma\ln\mathcal L=-\frac N\sigma+\frac1{\sigma^3}\sum_n(x_n-\mu)^2=0\Rightarrow\hat\sigma^2=\frac1N\sum_n(x_n-\hat\mu)^2$.

For each σ the μ-part is a concave parabola, and $\ln\mathcal L(\hat\mu,\sigma)$ rises then falls around $\hat\sigma$: a global maximum (if the data are all equal, $\hat\sigma=0$). Divisor $N$: biased, $E[\hat\sigma^2]=\frac{N-1}N\sigma^2$."""
MU = "double MuHat(double[] x)\n{\n    return x.Average();\n}"
SIGMA = "double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return Math.Sqrt(x.Select(v => (v - m) * (v - m)).Sum() / x.Length);\n}"
LL = "double LogLikelihood(double[] x, double mu, double sigma)\n{\n    return x.Sum(v => -0.5 * Math.Log(2 * Math.PI * sigma * sigma) - (v - mu) * (v - mu) / (2 * sigma * sigma));\n}"
HONEST = {"q1-derivation": DERIVATION, "q2-answer": MU, "q3-answer": SIGMA, "q4-answer": LL}
def hw1(folder, name, **changes):
    a = dict(HONEST); a.update({k.replace("_", "-"): v for k, v in changes.items() if k != "extra"})
    make("hw1-gaussian-mle", folder, name, a, changes.get("extra"))

# the grader's process tests (status of each run)
hw1(".", "complete")
hw1(".", "partial", q1_derivation="The mean is the average, $\\hat\\mu=\\bar x$.",
    q2_answer="double MuHat(double[] x)\n{\n    return 29.3 / 6;   // worked out by hand\n}",
    q3_answer="double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return Math.Sqrt(x.Select(v => (v - m) * (v - m)).Sum() / (x.Length - 1));   // sample standard deviation\n}",
    q4_answer="double LogLikelihood(double[] x, double mu, double sigma)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException(\"your code here\");\n}")
hw1(".", "compile-error", q2_answer="double MuHat(double[] x)\n{\n    return x.Sum() / x.Length   // missing semicolon\n}")
hw1(".", "exit", q4_answer="double LogLikelihood(double[] x, double mu, double sigma)\n{\n    Environment.Exit(1);\n    return 0;\n}")
hw1(".", "hang", q3_answer="double SigmaHat(double[] x)\n{\n    double s = 0;\n    for (int i = 0; i < x.Length; i--) s += x[0];   // oops: i--\n    while (true) { }\n}")
hw1(".", "huge", extra=[("q4-tests", code("debug-print", "Console.Write(new string('x', 20_000_000));"))])
hw1(".", "stackoverflow", q2_answer="double MuHat(double[] x) => MuHat(x) + 0;   // recursion without end")
make("hw1-gaussian-mle", ".", "tampered",
     dict(HONEST, **{"q3-answer": "double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return Math.Sqrt(x.Select(v => (v - m) * (v - m)).Sum() / (x.Length - 1));   // sample standard deviation\n}"}),
     extra=[("q4-answer", code("my-check", "Check.That(\"q4-loglik\", 1, () => true);\nCheck.That(\"q4-loglik-hidden\", 1, () => true);"))],
     edit={"q3-tests": "Check.That(\"q3-sigma\", 2, () => true);"})
tampered = os.path.join(HERE, "hw1-gaussian-mle", "tampered.ipynb")
nb = json.load(open(tampered, encoding="utf-8"))
nb["cells"] = [c for c in nb["cells"] if c["id"] != "q4-tests"]
json.dump(nb, open(tampered, "w", encoding="utf-8", newline="\n"), indent=1, ensure_ascii=False)
open(tampered, "a").write("\n")

# issue 13: answers that must be the student's own (own-work/)
OW = "own-work"
hw1(OW, "honest")
hw1(OW, "blank", q1_derivation="YOUR ANSWER HERE",
    q2_answer="double MuHat(double[] x)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException(\"your code here\");\n}",
    q3_answer="double SigmaHat(double[] x)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException(\"your code here\");\n}",
    q4_answer="double LogLikelihood(double[] x, double mu, double sigma)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException(\"your code here\");\n}")
hw1(OW, "partial", q3_answer="double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return x.Select(v => (v - m) * (v - m)).Sum() / x.Length;   // forgot the square root\n}")
hw1(OW, "scan", q1_derivation="My derivation is in the PDF: [derivation](scan.pdf)")
hw1(OW, "lib-estimate", q2_answer="double MuHat(double[] x)\n{\n    return GaussianMle.Estimate(x).Mean;\n}")
hw1(OW, "lib-using-static", q2_answer="using static ClusterLab.GaussianMle;\ndouble MuHat(double[] x) => Estimate(x).Mean;")
hw1(OW, "lib-alias", q2_answer="using G = ClusterLab.GaussianMle;\ndouble MuHat(double[] x) => G.Estimate(x).Mean;")
hw1(OW, "lib-var", q3_answer="double SigmaHat(double[] x)\n{\n    var m = GaussianMle.Estimate;\n    return m(x).StdDev;\n}")
hw1(OW, "lib-qualified", q4_answer="double LogLikelihood(double[] x, double mu, double sigma) =>\n    global::ClusterLab.GaussianMle.LogLikelihood(x, mu, sigma * sigma);")
hw1(OW, "lib-reflection", q2_answer="double MuHat(double[] x)\n{\n    var t = Type.GetType(\"ClusterLab.\" + \"Gaussian\" + \"Mle, ClusterLab\");\n    dynamic e = t!.GetMethod(\"Estimate\", [typeof(double[])])!.Invoke(null, [x])!;\n    return e.Mean;\n}")
hw1(OW, "lib-lambda", q2_answer="Func<double[], double> mean = v => ClusterLab.GaussianMle.Estimate(v).Mean;\ndouble MuHat(double[] x) => mean(x);")
hw1(OW, "hardcoded", q2_answer="double MuHat(double[] x) => 4.883333333333334;   // the visible answer",
    q3_answer="double SigmaHat(double[] x) => 0.6962199524404528;")
hw1(OW, "sigma-squared", q3_answer="double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return x.Select(v => (v - m) * (v - m)).Sum() / x.Length;   // σ² returned for σ\n}",
    q4_answer="double LogLikelihood(double[] x, double mu, double sigma)\n{\n    return x.Sum(v => -0.5 * Math.Log(2 * Math.PI * sigma) - (v - mu) * (v - mu) / (2 * sigma));   // σ used as σ²\n}")
hw1(OW, "n-minus-1", q3_answer="double SigmaHat(double[] x)\n{\n    double m = MuHat(x);\n    return Math.Sqrt(x.Select(v => (v - m) * (v - m)).Sum() / (x.Length - 1));\n}")

# ---------------------------------------------------------------- hw2
rel2 = {c["id"]: "".join(c["source"]) for c in json.load(open(os.path.join(ROOT, "assignments", "hw2-em", "release", "hw2-em.ipynb"), encoding="utf-8"))["cells"]}
src2 = {c["id"]: "".join(c["source"]) for c in json.load(open(os.path.join(ROOT, "assignments", "hw2-em", "source", "hw2-em.ipynb"), encoding="utf-8"))["cells"]}
def solution(cid):  # the source's solution without the markers
    return "\n".join(l for l in src2[cid].split("\n") if "BEGIN SOLUTION" not in l and "END SOLUTION" not in l)
H2 = {k: solution(k) for k in ("q1-answer", "q2-answer", "q3-answer", "q4-answer")}
def hw2(folder, name, **changes):
    a = dict(H2); a.update({k.replace("_", "-"): v for k, v in changes.items()})
    make("hw2-em", folder, name, a)
hw2(".", "complete")
NAIVE_E = """double[][] EStep(double[][] x, MixtureParameters p)
{
    return x.Select(xn =>
    {
        var a = Enumerable.Range(0, p.K).Select(k => p.Weights[k] * Math.Exp(LogGaussian(xn, p.Means[k], p.Covariances[k]))).ToArray();
        double s = a.Sum();
        return a.Select(v => v / s).ToArray();
    }).ToArray();
}"""
hw2(".", "partial", q1_answer=NAIVE_E, q3_answer=rel2["q3-answer"], q4_answer=rel2["q4-answer"])
hw2(OW, "honest")
hw2(OW, "blank", **{k.replace("-", "_"): rel2[k] for k in H2})
hw2(OW, "partial", q3_answer=rel2["q3-answer"])
hw2(OW, "lib-em", q1_answer="double[][] EStep(double[][] x, MixtureParameters p) => Em.EStep(x, p);",
    q2_answer="MixtureParameters MStep(double[][] x, double[][] gamma) => ClusterLab.Em.MStep(x, gamma, regCovar: 0);",
    q3_answer="using static ClusterLab.Em;\ndouble LogLikelihood(double[][] x, MixtureParameters p) => LogLikelihood(x, p);")
hw2(OW, "lib-gmm", q4_answer="List<MixtureParameters> RunEmHistory(double[][] x, MixtureParameters start, double tol = 1e-8, int maxIter = 1000) =>\n    new GaussianMixture(2) { InitialParameters = start, Tol = 1e-12, MaxIter = 2000, RegCovar = 0 }.Fit(x).History.ToList();")
hw2(OW, "lib-gmm-parameters", q4_answer="List<MixtureParameters> RunEmHistory(double[][] x, MixtureParameters start, double tol = 1e-8, int maxIter = 1000) =>\n    [start, new GaussianMixture(2) { InitialParameters = start, Tol = 1e-12, MaxIter = 2000, RegCovar = 0 }.Fit(x).Parameters];")
hw2(OW, "sigma-for-inverse", q1_answer=H2["q1-answer"].replace("LogGaussian(xn, p.Means[k], p.Covariances[k])", "LogGaussianWrong(xn, p.Means[k], p.Covariances[k])") + """
// Σ used where Σ⁻¹ belongs: (x − μ)ᵀ Σ (x − μ)
double LogGaussianWrong(double[] x, double[] mu, double[][] s)
{
    int d = x.Length;
    double quad = 0;
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) quad += (x[i] - mu[i]) * s[i][j] * (x[j] - mu[j]);
    return -0.5 * (d * Math.Log(2 * Math.PI) + 2 * Enumerable.Range(0, d).Sum(i => Math.Log(Cholesky(s)[i, i])) + quad);
}""")
hw2(OW, "unnormalised", q1_answer="""double[][] EStep(double[][] x, MixtureParameters p) =>
    x.Select(xn => Enumerable.Range(0, p.K).Select(k => p.Weights[k] * Math.Exp(LogGaussian(xn, p.Means[k], p.Covariances[k]))).ToArray()).ToArray();   // no denominator""")
hw2(OW, "n-minus-1", q2_answer=H2["q2-answer"].replace(") / nk[k]).ToArray()).ToArray()).ToArray(); // (3)", ") / (nk[k] - 1)).ToArray()).ToArray()).ToArray(); // (3) with N_k − 1"))
hw2(OW, "hardcoded", q3_answer="double LogLikelihood(double[][] x, MixtureParameters p) => x.Length == 6 ? -16.763958566662694 : throw new NotImplementedException();")
print("written")
