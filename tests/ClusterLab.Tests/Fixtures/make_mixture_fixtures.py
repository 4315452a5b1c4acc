"""Reference values for the Gaussian-mixture tests (EmTests, GaussianMixtureTests), from scikit-learn 1.2.

Run from this folder: python3 make_mixture_fixtures.py   (needs numpy and scikit-learn; never run at test time).
Writes mixture.json. Every case keeps its data, so the tests do not depend on numpy's random generator.

- "fits": GaussianMixture(covariance_type="full") started from given parameters (weights_init, means_init,
  precisions_init = inverse of the given covariances), with max_iter = m and tol = 0 (exactly m iterations), and run to
  convergence. Stored: n_iter_, converged_, the fitted parameters, the total log-likelihood at them (score(X) * n),
  lower_bound_ (computed before the last M-step), aic(X) and bic(X).
- "esteps": predict_proba(X) and score_samples(X) at fixed parameters (set as fitted attributes).
- "msteps": _estimate_gaussian_parameters(X, resp, reg_covar, "full") for fixed responsibilities (weights normalised as
  GaussianMixture._m_step does).
- "typed_fits": as "fits" for covariance_type in ("full", "tied", "diag", "spherical"), from given parameters whose
  covariances have that form (precisions_init in the type's shape); covariances stored as full d x d matrices.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _compute_precision_cholesky, _estimate_gaussian_parameters

warnings.simplefilter("ignore", ConvergenceWarning)


def blobs(rng, means, covs, sizes):
    x = np.vstack([rng.multivariate_normal(m, c, size=s) for m, c, s in zip(means, covs, sizes)])
    return x[rng.permutation(len(x))]


def params(w, mu, cov):
    return {"weights": np.asarray(w, float).tolist(), "means": np.asarray(mu, float).tolist(),
            "covariances": np.asarray(cov, float).tolist()}


def fit(x, init, max_iter, tol, reg_covar=1e-6):
    w, mu, cov = (np.asarray(init[key], float) for key in ("weights", "means", "covariances"))
    gm = GaussianMixture(n_components=len(w), covariance_type="full", tol=tol, reg_covar=reg_covar, max_iter=max_iter,
                         n_init=1, weights_init=w, means_init=mu, precisions_init=np.linalg.inv(cov), random_state=0)
    gm.fit(x)
    out = {"max_iter": max_iter, "tol": tol, "reg_covar": reg_covar, "n_iter": int(gm.n_iter_),
           "converged": bool(gm.converged_), "lower_bound": float(gm.lower_bound_),
           "log_likelihood": float(gm.score(x) * len(x)), "aic": float(gm.aic(x)), "bic": float(gm.bic(x))}
    out.update(params(gm.weights_, gm.means_, gm.covariances_))
    return out


def typed_init(init, covariance_type):
    """The full-matrix init turned into the form of covariance_type (tied: their mean; diag: their diagonals; spherical: mean variance)."""
    cov = np.asarray(init["covariances"], float)
    k, d = cov.shape[0], cov.shape[1]
    if covariance_type == "tied":
        cov = np.repeat(cov.mean(axis=0)[None], k, axis=0)
    elif covariance_type == "diag":
        cov = np.array([np.diag(np.diag(c)) for c in cov])
    elif covariance_type == "spherical":
        cov = np.array([np.trace(c) / d * np.eye(d) for c in cov])
    return params(init["weights"], init["means"], cov)


def typed_fit(x, init, covariance_type, max_iter, tol, reg_covar=1e-6):
    w, mu, cov = (np.asarray(init[key], float) for key in ("weights", "means", "covariances"))
    precisions = {"full": lambda: np.linalg.inv(cov), "tied": lambda: np.linalg.inv(cov[0]),
                  "diag": lambda: 1 / np.array([np.diag(c) for c in cov]),
                  "spherical": lambda: 1 / cov[:, 0, 0]}[covariance_type]()
    gm = GaussianMixture(n_components=len(w), covariance_type=covariance_type, tol=tol, reg_covar=reg_covar,
                         max_iter=max_iter, n_init=1, weights_init=w, means_init=mu, precisions_init=precisions,
                         random_state=0)
    gm.fit(x)
    k, d = mu.shape
    full = {"full": lambda c: c, "tied": lambda c: np.repeat(c[None], k, axis=0),
            "diag": lambda c: np.array([np.diag(v) for v in c]),
            "spherical": lambda c: np.array([v * np.eye(d) for v in c])}[covariance_type](gm.covariances_)
    out = {"covariance_type": covariance_type, "max_iter": max_iter, "tol": tol, "reg_covar": reg_covar,
           "n_iter": int(gm.n_iter_), "converged": bool(gm.converged_), "lower_bound": float(gm.lower_bound_),
           "log_likelihood": float(gm.score(x) * len(x)), "aic": float(gm.aic(x)), "bic": float(gm.bic(x)),
           "n_parameters": int(gm._n_parameters())}
    out.update(params(gm.weights_, gm.means_, full))
    return out


def fitted_at(p):
    """A GaussianMixture whose fitted attributes are the given parameters."""
    w, mu, cov = (np.asarray(p[key], float) for key in ("weights", "means", "covariances"))
    gm = GaussianMixture(n_components=len(w), covariance_type="full")
    gm.weights_, gm.means_, gm.covariances_ = w, mu, cov
    gm.precisions_cholesky_ = _compute_precision_cholesky(cov, "full")
    return gm


def estep(name, x, p):
    gm = fitted_at(p)
    return {"name": name, "x": x.tolist(), "parameters": p, "responsibilities": gm.predict_proba(x).tolist(),
            "score_samples": gm.score_samples(x).tolist(), "log_likelihood": float(gm.score_samples(x).sum())}


def mstep(name, x, resp, reg_covar):
    w, mu, cov = _estimate_gaussian_parameters(x, resp, reg_covar, "full")
    w = w / len(x)
    w = w / w.sum()
    return {"name": name, "x": x.tolist(), "responsibilities": resp.tolist(), "reg_covar": reg_covar,
            "expected": params(w, mu, cov)}


def main():
    rng = np.random.default_rng(20240607)
    fits, esteps, msteps = [], [], []

    # 2-D, three anisotropic blobs of unequal sizes; start away from the truth.
    x2 = blobs(rng, [[0, 0], [5, 1], [2, 6]],
               [[[1.0, 0.6], [0.6, 0.8]], [[0.5, -0.2], [-0.2, 1.5]], [[1.2, 0.0], [0.0, 0.3]]], [60, 140, 100])
    init2 = params([0.3, 0.3, 0.4], [[1, 1], [4, 0], [3, 5]], [np.eye(2), np.eye(2), [[2.0, 0.5], [0.5, 1.0]]])
    # 3-D, four overlapping components.
    means3 = [[0, 0, 0], [3, 0, 1], [0, 3, -1], [2, 2, 2]]
    covs3 = [np.eye(3), [[1.5, 0.3, 0], [0.3, 0.7, 0.2], [0, 0.2, 1.0]], 0.6 * np.eye(3),
             [[0.8, -0.3, 0.1], [-0.3, 1.1, 0], [0.1, 0, 0.5]]]
    x3 = blobs(rng, means3, covs3, [120, 100, 80, 100])
    init3 = params([0.25, 0.25, 0.25, 0.25], [[0.5, 0.5, 0], [2.5, 0.5, 0.5], [0.5, 2.5, -0.5], [2, 1.5, 1.5]],
                   [np.eye(3)] * 4)
    # 1-D, two components.
    x1 = blobs(rng, [[-1.0], [2.0]], [[[0.5]], [[1.0]]], [150, 100])
    init1 = params([0.5, 0.5], [[-0.5], [0.5]], [[[1.0]], [[1.0]]])
    # Old Faithful (eruptions, waiting), the lecture's example, from a rough start.
    faithful = np.loadtxt(os.path.join(os.path.dirname(__file__), "..", "..", "..", "data", "faithful.csv"),
                          delimiter=",", skiprows=1)
    init_f = params([0.5, 0.5], [[2.0, 55.0], [4.5, 80.0]], [[[0.5, 0.0], [0.0, 30.0]], [[0.5, 0.0], [0.0, 30.0]]])

    for name, x, init in [("blobs2d", x2, init2), ("blobs3d", x3, init3), ("line1d", x1, init1),
                          ("faithful", faithful, init_f)]:
        runs = [fit(x, init, m, 0.0) for m in (1, 2, 5, 25)]
        runs += [fit(x, init, 1000, 1e-3), fit(x, init, 1000, 1e-10)]
        runs.append(fit(x, init, 10, 0.0, reg_covar=0.1))
        fits.append({"name": name, "x": x.tolist(), "init": init, "runs": runs})

    esteps.append(estep("blobs2d_init", x2, init2))
    esteps.append(estep("blobs3d_init", x3, init3))
    # A point far from both components: the densities underflow to 0 in linear space, not in log space.
    far = np.array([[0.0, 0.0], [1.0, 0.5], [40.0, -35.0], [-60.0, 80.0]])
    esteps.append(estep("far", far, params([0.7, 0.3], [[0, 0], [3, 3]], [np.eye(2), [[0.5, 0.1], [0.1, 0.4]]])))
    # A zero weight: that component's responsibility is exactly 0.
    with np.errstate(divide="ignore"):  # ln 0 = −inf is intended
        esteps.append(estep("zero_weight", x2[:20], params([0.0, 1.0], [[0, 0], [5, 1]], [np.eye(2), np.eye(2)])))

    resp2 = rng.uniform(size=(len(x2), 3)); resp2 /= resp2.sum(axis=1, keepdims=True)
    msteps.append(mstep("blobs2d_random", x2, resp2, 1e-6))
    msteps.append(mstep("blobs2d_random_reg", x2, resp2, 0.1))
    resp3 = np.eye(4)[rng.integers(0, 4, size=len(x3))]
    msteps.append(mstep("blobs3d_hard", x3, resp3, 1e-6))

    typed_fits = []
    for name, x, init in [("blobs2d", x2, init2), ("blobs3d", x3, init3), ("faithful", faithful, init_f)]:
        for covariance_type in ("full", "tied", "diag", "spherical"):
            start = typed_init(init, covariance_type)
            runs = [typed_fit(x, start, covariance_type, m, 0.0) for m in (1, 5, 25)]
            runs += [typed_fit(x, start, covariance_type, 1000, 1e-3), typed_fit(x, start, covariance_type, 1000, 1e-10)]
            runs.append(typed_fit(x, start, covariance_type, 10, 0.0, reg_covar=0.1))
            typed_fits.append({"name": f"{name}_{covariance_type}", "x": x.tolist(), "init": start, "runs": runs})

    out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "fits": fits, "esteps": esteps, "msteps": msteps,
           "typed_fits": typed_fits}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixture.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
