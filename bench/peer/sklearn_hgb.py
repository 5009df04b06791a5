#!/usr/bin/python3
"""Peer for src/core/trees (Encore's gradient-boosted trees): scikit-learn's HistGradientBoosting.

Run with Debian's interpreter (apt-get install -y python3-sklearn; it brings numpy and scipy):

    /usr/bin/python3 bench/peer/sklearn_hgb.py compare DIR   # fit on matrices exported by the TS test
    /usr/bin/python3 bench/peer/sklearn_hgb.py fixture       # writes testdata/peers/sklearn-hgb.json

compare: DIR/manifest.json lists cases {name, task, nFeatures, nTrain, nTest}; each case has
DIR/<name>.{xTrain,yTrain,xTest,yTest}.f32 (little-endian float32, X row major [n, nFeatures]).
For each case it fits HistGradientBoostingRegressor (regression) or HistGradientBoostingClassifier
(classification) with scikit-learn's defaults spelled out (max_iter 100, learning_rate 0.1,
max_leaf_nodes 31, min_samples_leaf 20, l2 0, max_bins 255, early_stopping 'auto', validation
fraction 0.1, n_iter_no_change 10, tol 1e-7) and random_state=0, then prints one JSON object:
per case the test RMSE (regression) or ROC AUC (classification), n_iter_, fit seconds, and the
bin edges of _BinMapper fitted on all of X_train; test predictions go to DIR/<name>.sklearn.f64.
A case with "holdout": true also has DIR/<name>.valRows.i32 (int32 indexes into the training rows):
it is fitted a second time with early stopping reading exactly those rows (the estimator's
train_test_split swapped for that split), predictions in DIR/<name>.sklearnHoldout.f64.

fixture: small synthetic problems (numpy seeded; a feature with missing values, one with few
distinct values) with scikit-learn's predictions, for a TS test that runs without Python: default
regression and classification, and a regression whose early stopping triggers on given rows.
"""
import json
import math
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.ensemble._hist_gradient_boosting import gradient_boosting as _gb
from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper
from sklearn.metrics import mean_squared_error, roc_auc_score

DEFAULTS = dict(
    learning_rate=0.1,
    max_iter=100,
    max_leaf_nodes=31,
    max_depth=None,
    min_samples_leaf=20,
    l2_regularization=0.0,
    max_bins=255,
    early_stopping="auto",
    scoring="loss",
    validation_fraction=0.1,
    n_iter_no_change=10,
    tol=1e-7,
    random_state=0,
)


def model_for(task, **overrides):
    params = {**DEFAULTS, **overrides}
    if task == "classification":
        return HistGradientBoostingClassifier(loss="log_loss", **params)
    return HistGradientBoostingRegressor(loss="squared_error", **params)


def predict(model, task, X):
    if task == "classification":
        return model.predict_proba(X)[:, 1]
    return model.predict(X)


def fit_with_holdout(model, X_tr, y_tr, X_val, y_val):
    """Fit with early stopping reading (X_val, y_val): the estimator's internal train_test_split is
    swapped for one returning exactly these parts (what Encore's caller-validation path does)."""
    original = _gb.train_test_split
    _gb.train_test_split = lambda *args, **kwargs: (X_tr, X_val, y_tr, y_val)
    try:
        model.fit(np.concatenate([X_tr, X_val]), np.concatenate([y_tr, y_val]))
    finally:
        _gb.train_test_split = original
    assert model.do_early_stopping_, "fit_with_holdout needs early stopping on"
    return model


def bin_edges(X):
    mapper = _BinMapper(n_bins=256, random_state=0).fit(X.astype(np.float64))
    return [[float(v) for v in edges] for edges in mapper.bin_thresholds_]


def read(path, shape):
    return np.fromfile(path, dtype="<f4").astype(np.float64).reshape(shape)


def compare(folder):
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    results = {}
    for case in manifest["cases"]:
        name, task, d = case["name"], case["task"], case["nFeatures"]
        base = os.path.join(folder, name)
        X_train = read(base + ".xTrain.f32", (case["nTrain"], d))
        y_train = read(base + ".yTrain.f32", (case["nTrain"],))
        X_test = read(base + ".xTest.f32", (case["nTest"], d))
        y_test = read(base + ".yTest.f32", (case["nTest"],))
        model = model_for(task)
        t0 = time.perf_counter()
        model.fit(X_train, y_train.astype(int) if task == "classification" else y_train)
        fit_seconds = time.perf_counter() - t0
        pred = predict(model, task, X_test)
        pred.astype("<f8").tofile(base + ".sklearn.f64")
        if task == "classification":
            metric, value = "rocAuc", float(roc_auc_score(y_test, pred))
        else:
            metric, value = "rmse", float(math.sqrt(mean_squared_error(y_test, pred)))
        results[name] = {
            "metric": metric,
            "value": value,
            "nIter": int(model.n_iter_),
            "earlyStopping": bool(model.do_early_stopping_),
            "fitSeconds": fit_seconds,
            "binThresholds": bin_edges(X_train),
        }
        if case.get("holdout"):
            # Encore's own hold-out rows (indexes into the training rows): the early-stopping path, row for row.
            is_val = np.zeros(case["nTrain"], dtype=bool)
            is_val[np.fromfile(base + ".valRows.i32", dtype="<i4")] = True
            same = fit_with_holdout(model_for(task), X_train[~is_val], y_train[~is_val], X_train[is_val], y_train[is_val])
            predict(same, task, X_test).astype("<f8").tofile(base + ".sklearnHoldout.f64")
            results[name]["sameHoldoutNIter"] = int(same.n_iter_)
        print(f"{name}: test {metric} {value:.6f}, {model.n_iter_} iterations, {fit_seconds:.2f} s", file=sys.stderr)
    json.dump({"versions": versions(), "results": results}, sys.stdout)


def versions():
    return {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__}


def synthetic(task, seed, n=600):
    """Four float32 features: normal (many distinct values), 6 integer levels, normal with 15% missing, uniform."""
    rng = np.random.default_rng(seed)
    X = np.empty((n, 4), dtype=np.float32)
    X[:, 0] = rng.normal(size=n)
    X[:, 1] = rng.integers(0, 6, size=n)
    X[:, 2] = rng.normal(size=n)
    X[rng.random(n) < 0.15, 2] = np.nan
    X[:, 3] = rng.uniform(-2, 2, size=n)
    x2 = np.where(np.isnan(X[:, 2]), 1.5, 0.3 * np.nan_to_num(X[:, 2]))
    signal = 2 * np.sin(X[:, 0]) + 0.5 * (X[:, 1] - 2.5) ** 2 / 3 + x2 + 0.4 * X[:, 3]
    if task == "classification":
        y = (rng.random(n) < 1 / (1 + np.exp(-(signal - signal.mean())))).astype(np.float32)
    else:
        y = (signal + rng.normal(scale=0.5, size=n)).astype(np.float32)
    return X, y


def num(v):
    """A float32 value as JSON (None for NaN); repr of the float64 value round-trips exactly."""
    v = float(v)
    return None if math.isnan(v) else v


def fixture(out_path):
    cases = []
    for task, seed in (("regression", 1), ("classification", 2)):
        X, y = synthetic(task, seed)
        n_train = 500
        model = model_for(task)
        model.fit(X[:n_train].astype(np.float64), y[:n_train].astype(int) if task == "classification" else y[:n_train])
        pred = predict(model, task, X[n_train:].astype(np.float64))
        cases.append(
            {
                "name": f"synthetic-{task}",
                "task": task,
                "nFeatures": int(X.shape[1]),
                "nTrain": n_train,
                "X": [num(v) for v in X.ravel()],
                "y": [float(v) for v in y],
                "nIter": int(model.n_iter_),
                "binThresholds": bin_edges(X[:n_train]),
                "testPredictions": [float(v) for v in pred],
            }
        )
    # Early stopping that triggers, reading given validation rows: train [0, 400), validation [400, 500).
    X, y = synthetic("regression", 3)
    params = dict(learning_rate=0.5, max_iter=200, early_stopping=True)
    model = fit_with_holdout(
        model_for("regression", **params), X[:400].astype(np.float64), y[:400].astype(np.float64),
        X[400:500].astype(np.float64), y[400:500].astype(np.float64),
    )
    cases.append(
        {
            "name": "synthetic-early-stopping",
            "task": "regression",
            "nFeatures": int(X.shape[1]),
            "nTrain": 400,
            "nVal": 100,
            "params": {"learningRate": 0.5, "maxIter": 200, "earlyStopping": True},
            "X": [num(v) for v in X.ravel()],
            "y": [float(v) for v in y],
            "nIter": int(model.n_iter_),
            "validationScores": [float(v) for v in model.validation_score_],
            "binThresholds": bin_edges(X[:400]),
            "testPredictions": [float(v) for v in predict(model, "regression", X[500:].astype(np.float64))],
        }
    )
    doc = {
        "about": "scikit-learn HistGradientBoosting (defaults, random_state=0) on synthetic float32 data; "
        "rows [0, nTrain) train, then nVal validation rows where given (early stopping reads them), the rest "
        "test. X row major, null = missing. Regenerate: "
        "/usr/bin/python3 bench/peer/sklearn_hgb.py fixture",
        "versions": versions(),
        "cases": cases,
    }
    with open(out_path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out_path}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "compare":
        compare(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "fixture":
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        fixture(sys.argv[2] if len(sys.argv) >= 3 else os.path.join(root, "testdata/peers/sklearn-hgb.json"))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
