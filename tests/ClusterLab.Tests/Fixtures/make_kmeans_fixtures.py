"""Reference values for the K-means and silhouette tests, from scikit-learn 1.2.

Run from this folder: python3 make_kmeans_fixtures.py   (needs numpy and scikit-learn; never run at test time).
Writes kmeans.json and silhouette.json. Labels are stored canonical (renumbered by first appearance), with the
centroids reordered the same way, because ClusterLab numbers its clusters that way.
"""
import json

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples


def canonical(labels, centers):
    """Renumber clusters by first appearance in labels; clusters that never appear keep their order after the others."""
    k = len(centers)
    order = []
    for l in labels:
        if l not in order:
            order.append(int(l))
    order += [j for j in range(k) if j not in order]
    new_id = {old: new for new, old in enumerate(order)}
    return [new_id[int(l)] for l in labels], [centers[old].tolist() for old in order]


def blobs(rng, centers, sd, n_per):
    x = np.vstack([rng.normal(c, s, size=(n_per, len(c))) for c, s in zip(centers, sd)])
    y = np.repeat(np.arange(len(centers)), n_per)
    p = rng.permutation(len(x))
    return x[p], y[p]


def kmeans_case(name, x, init, max_iter=300, tol=1e-4):
    km = KMeans(n_clusters=len(init), init=np.array(init, dtype=float), n_init=1, max_iter=max_iter, tol=tol,
                algorithm="lloyd").fit(x)
    labels, centers = canonical(km.labels_, km.cluster_centers_)
    return {"name": name, "x": x.tolist(), "init": np.asarray(init, dtype=float).tolist(), "max_iter": max_iter,
            "tol": tol, "labels": labels, "centroids": centers, "inertia": float(km.inertia_),
            "n_iter": int(km.n_iter_)}


def main():
    rng = np.random.default_rng(20261128)
    cases = []
    x2, _ = blobs(rng, [[0, 0], [5, 5], [0, 6]], [1.0, 1.5, 0.8], 100)
    cases.append(kmeans_case("three blobs 2-D, converged", x2, [[1, 1], [4, 4], [1, 5]]))
    cases.append(kmeans_case("three blobs 2-D, bad init, converged", x2, x2[:3]))
    cases.append(kmeans_case("three blobs 2-D, one iteration", x2, [[-3, -3], [8, 0], [0, 10]], max_iter=1))
    cases.append(kmeans_case("three blobs 2-D, two iterations", x2, [[-3, -3], [8, 0], [0, 10]], max_iter=2))
    cases.append(kmeans_case("three blobs 2-D, loose tol", x2, [[-3, -3], [8, 0], [0, 10]], tol=0.5))
    cases.append(kmeans_case("empty cluster re-seeded", x2, [[1, 1], [4, 4], [100, 100]]))
    x5, _ = blobs(rng, rng.uniform(-6, 6, size=(4, 5)), [1.0, 2.0, 1.0, 1.5], 125)
    cases.append(kmeans_case("four blobs 5-D, shifted data", x5 + 1000.0, (x5 + 1000.0)[[3, 10, 20, 40, 60, 80]]))
    cases.append(kmeans_case("four blobs 5-D, k=4", x5, x5[[0, 1, 2, 3]]))
    faithful = np.loadtxt("../../../data/faithful.csv", delimiter=",", skiprows=1)
    z = (faithful - faithful.mean(axis=0)) / faithful.std(axis=0)
    cases.append(kmeans_case("Old Faithful standardised, k=2", z, [[-1, 1], [1, -1]]))
    with open("kmeans.json", "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)

    sil = []
    def sil_case(name, x, labels):
        sil.append({"name": name, "x": np.asarray(x, dtype=float).tolist(), "labels": [int(l) for l in labels],
                    "samples": silhouette_samples(np.asarray(x, dtype=float), labels).tolist()})
    sil_case("scikit-learn doc case", [[0.0], [0.1], [1.0]], [0, 0, 1])
    xs, ys = blobs(rng, [[0, 0], [4, 0], [2, 3]], [1.0, 1.0, 1.0], 60)
    sil_case("three blobs, true labels", xs, ys)
    sil_case("three blobs, random labels", xs, rng.integers(0, 4, size=len(xs)))
    lab = ys.copy(); lab[7] = 9
    sil_case("three blobs, with a singleton cluster", xs, lab)
    sil_case("three blobs, label values -1, 5, 42", xs, np.array([-1, 5, 42])[ys])
    x7, y7 = blobs(rng, rng.uniform(-5, 5, size=(5, 7)), [1.0] * 5, 40)
    sil_case("five blobs 7-D, true labels", x7, y7)
    with open("silhouette.json", "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": sil}, f)


if __name__ == "__main__":
    main()
