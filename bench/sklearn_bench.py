#!/usr/bin/python3
"""Times scikit-learn on the same data and settings as bench/ClusterLab.Benchmarks (the performance issue's six workloads,
and lesson 05's k = 1 ... 100 sweep).

  dotnet run -c Release --project bench/ClusterLab.Benchmarks -- export-data bench/data
  python3 bench/sklearn_bench.py bench/data bench/sklearn.json            # 2 BLAS/OpenMP threads, median of --repeat runs
  python3 bench/sklearn_bench.py bench/data out.json --only gmm_50k_d8_k8 --repeat 3
  python3 bench/sklearn_bench.py bench/data out.json --sweep              # the sweep only (one run, no warm-up)

Needs Debian's python3-sklearn (scikit-learn 1.2 with OpenBLAS): run it with /usr/bin/python3. Every workload starts
from the shared start NAME.init.json (centroids or mixture parameters) that export-data writes, as ClusterLab does. Writes {name: {"seconds", "quality", "times", "cpu"}}; quality is
the inertia (K-means, computed on the full data for mini-batch), the silhouette score, or the total log-likelihood
(Gaussian mixtures) at the returned parameters, as ClusterLab reports it; "cpu" the process CPU seconds of each run. The thread limit is set before numpy loads.
"""
import argparse, json, os, sys, time, warnings

THREADS = "2"
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = THREADS           # before numpy / scikit-learn load their thread pools

import numpy as np
from threadpoolctl import threadpool_limits
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.exceptions import ConvergenceWarning

warnings.simplefilter("ignore", ConvergenceWarning)  # tol = 0 runs every iteration on purpose


def load(d, name):
    meta = json.load(open(os.path.join(d, name + ".json")))
    x = np.fromfile(os.path.join(d, name + ".f64"), dtype="<f8").reshape(meta["N"], meta["D"])
    y = np.fromfile(os.path.join(d, name + ".labels.i32"), dtype="<i4")
    init = os.path.join(d, name + ".init.json")   # the shared start written by export-data
    meta["start"] = json.load(open(init)) if os.path.exists(init) else None
    return meta, x, y


def minibatch_inertia(x, m):
    return float(((x - m.cluster_centers_[m.predict(x)]) ** 2).sum())


def run(meta, x, y):
    """One run of a workload from the shared start (as ClusterLab's Workload.Run); returns its quality figure."""
    k, it, kind, start = meta["K"], meta["MaxIter"], meta["Kind"], meta["start"]
    if kind == "kmeans":      # the given centroids, Lloyd, tol 0 (both sides run the same iterations)
        return KMeans(k, init=np.array(start["Centroids"]), n_init=1, max_iter=it, tol=0, algorithm="lloyd").fit(x).inertia_
    if kind == "minibatch":   # the given centroids; it = passes over the data; no early stopping
        m = MiniBatchKMeans(k, init=np.array(start["Centroids"]), batch_size=meta["BatchSize"], max_iter=it, n_init=1,
                            random_state=0, max_no_improvement=None, tol=0).fit(x)
        return minibatch_inertia(x, m)
    if kind == "silhouette":  # on the true labels
        return silhouette_score(x, y)
    if kind == "gmm":         # the given weights, means and covariances (as precisions), full covariances, tol 0
        cov = np.array(start["Covariances"])
        g = GaussianMixture(k, covariance_type="full", max_iter=it, tol=0, weights_init=np.array(start["Weights"]),
                            means_init=np.array(start["Means"]), precisions_init=np.linalg.inv(cov)).fit(x)
        return float(g.score(x) * len(x))
    raise ValueError(kind)


def sweep(x, max_k):
    """Lesson 05's sweep: for k = 1 ... max_k one KMeans and one MiniBatchKMeans (n_init 1, seed 42, defaults otherwise)."""
    full = mini = full_inertia = mini_inertia = 0.0
    for k in range(1, max_k + 1):
        t = time.perf_counter()
        full_inertia += KMeans(k, n_init=1, random_state=42).fit(x).inertia_
        full += time.perf_counter() - t
        t = time.perf_counter()
        m = MiniBatchKMeans(k, n_init=1, random_state=42, batch_size=1024).fit(x)
        mini += time.perf_counter() - t
        mini_inertia += minibatch_inertia(x, m)
    return full, mini, full_inertia, mini_inertia


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", nargs="?", default="bench/data")
    p.add_argument("out", nargs="?", default="bench/sklearn.json")
    p.add_argument("--only", help="one workload name")
    p.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT", "3")), help="timed runs after one warm-up (median kept)")
    p.add_argument("--sweep", action="store_true", help="time lesson 05's k = 1 ... 100 sweep instead of the workloads")
    a = p.parse_args()
    results = {}
    with threadpool_limits(limits=int(THREADS)):
        if a.sweep:
            meta, x, _ = load(a.data, "sweep_10k_d2")
            full, mini, fi, mi = sweep(x, meta["MaxK"])
            results["sweep_kmeans"] = {"seconds": full, "quality": fi, "times": [full]}
            results["sweep_minibatch"] = {"seconds": mini, "quality": mi, "times": [mini]}
            print(f"sweep k = 1 ... {meta['MaxK']}: KMeans {full:.2f} s, MiniBatchKMeans {mini:.2f} s, total {full + mini:.2f} s", flush=True)
        else:
            names = [f[:-5] for f in sorted(os.listdir(a.data)) if f.endswith(".json") and not f.startswith("sweep")]
            for name in names:
                if a.only and name != a.only:
                    continue
                meta, x, y = load(a.data, name)
                q = run(meta, x, y)  # warm-up
                times, cpu = [], []
                for _ in range(a.repeat):
                    t, c = time.perf_counter(), time.process_time()
                    q = run(meta, x, y)
                    times.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
                results[name] = {"seconds": sorted(times)[len(times) // 2], "quality": float(q), "times": times, "cpu": cpu}
                print(f"{name}: {results[name]['seconds']:.3f} s, quality {q:.6g}", file=sys.stderr, flush=True)
    results["_meta"] = {"sklearn": sklearn.__version__, "numpy": np.__version__, "threads": int(THREADS)}
    json.dump(results, open(a.out, "w"), indent=1)


if __name__ == "__main__":
    main()
