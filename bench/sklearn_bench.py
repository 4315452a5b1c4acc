#!/usr/bin/env python3
"""Times scikit-learn on the same data and settings as bench/ClusterLab.Benchmarks (the performance issue's six workloads).

  dotnet run -c Release --project bench/ClusterLab.Benchmarks -- export-data bench/data
  python3 bench/sklearn_bench.py bench/data bench/sklearn.json      # 2 BLAS/OpenMP threads, median of --repeat runs

Needs Debian's python3-sklearn (scikit-learn 1.2 with OpenBLAS). Writes {name: {"seconds", "quality"}}; quality is the
inertia (K-means), the silhouette score, or the total log-likelihood (Gaussian mixtures), as ClusterLab reports it.
"""
import json, os, sys, time
import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.mixture import GaussianMixture

def load(d, name):
    meta = json.load(open(os.path.join(d, name + ".json")))
    x = np.fromfile(os.path.join(d, name + ".f64"), dtype="<f8").reshape(meta["N"], meta["D"])
    y = np.fromfile(os.path.join(d, name + ".labels.i32"), dtype="<i4")
    return meta, x, y

def run(meta, x, y):
    k, it, kind = meta["K"], meta["MaxIter"], meta["Kind"]
    if kind == "kmeans":
        return KMeans(k, init="k-means++", n_init=1, max_iter=it, tol=0, random_state=0, algorithm="lloyd").fit(x).inertia_
    if kind == "minibatch":
        m = MiniBatchKMeans(k, batch_size=meta["BatchSize"], max_iter=it, n_init=1, random_state=0,
                            max_no_improvement=None, tol=0).fit(x)
        return float(((x - m.cluster_centers_[m.predict(x)]) ** 2).sum())
    if kind == "silhouette":
        return silhouette_score(x, y)
    if kind == "gmm":
        g = GaussianMixture(k, covariance_type="full", max_iter=it, tol=0, random_state=0).fit(x)
        return float(g.score(x) * len(x))
    raise ValueError(kind)

def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "bench/data"
    out = sys.argv[2] if len(sys.argv) > 2 else "bench/sklearn.json"
    repeat = int(os.environ.get("REPEAT", "3"))
    names = [f[:-5] for f in sorted(os.listdir(d)) if f.endswith(".json")]
    results = {}
    with threadpool_limits(limits=2):
        os.environ["OMP_NUM_THREADS"] = "2"
        for name in names:
            meta, x, y = load(d, name)
            q = run(meta, x, y)  # warm-up
            times = []
            for _ in range(repeat):
                t = time.perf_counter(); q = run(meta, x, y); times.append(time.perf_counter() - t)
            results[name] = {"seconds": sorted(times)[len(times) // 2], "quality": float(q)}
            print(f"{name}: {results[name]['seconds']:.3f} s, quality {q:.6g}", flush=True)
    json.dump(results, open(out, "w"), indent=1)

if __name__ == "__main__":
    main()
