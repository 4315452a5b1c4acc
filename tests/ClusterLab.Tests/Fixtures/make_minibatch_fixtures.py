"""Reference values for MiniBatchKMeans early stopping (MiniBatchKMeansEarlyStopTests), from scikit-learn 1.2.

Run from this folder: /usr/bin/python3 make_minibatch_fixtures.py   (needs numpy and scikit-learn; never run at test time).
Writes minibatch.json: sequences of batch inertias fed to scikit-learn's own MiniBatchKMeans._mini_batch_convergence
(tol = 0, the default), and the step at which it stops (-1: never). The smoothing, the ignored first step and the
"max_no_improvement steps without a new minimum of the smoothed inertia" rule are scikit-learn's.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import MiniBatchKMeans


def stop_step(inertias, batch, n, max_no_improvement):
    m = MiniBatchKMeans(n_clusters=2, batch_size=batch, max_no_improvement=max_no_improvement, tol=0.0)
    m._batch_size, m._tol, m._ewa_inertia, m._ewa_inertia_min, m._no_improvement, m.verbose = batch, 0.0, None, None, 0, 0
    for step, inertia in enumerate(inertias):
        if m._mini_batch_convergence(step, len(inertias), n, 0.0, float(inertia)):
            return step
    return -1


def main():
    rng = np.random.default_rng(20240901)
    cases = []
    for name, batch, n, steps, noise, mni in [("plateau", 100, 10_000, 200, 0.02, 10), ("noisy", 256, 5_000, 300, 0.2, 10),
                                             ("short_patience", 50, 1_000, 100, 0.05, 3), ("never", 100, 10_000, 150, 0.02, None),
                                             ("full_batch", 1000, 900, 60, 0.01, 5), ("low_first", 100, 1_000, 100, 0.05, 5)]:
        decay = 1000.0 * np.exp(-np.arange(steps) / 5.0) + 100.0
        inertias = (decay * (1 + noise * rng.standard_normal(steps))) * batch
        if name == "low_first":
            inertias[0] = 1e-3 * batch  # the first batch measures the init and is ignored: counting it would stop at step 5
        cases.append({"name": name, "batch": batch, "n": n, "max_no_improvement": mni, "inertias": inertias.tolist(),
                      "stop_step": stop_step(inertias, batch, n, mni)})
    out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "minibatch.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
