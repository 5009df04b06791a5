#!/usr/bin/python3
"""Optuna peer for Encore's tuner tests.

Runs Optuna's TPESampler (all defaults) and RandomSampler on the same three benchmark functions as
src/test-support/tune/benchmarks.ts (Branin, Hartmann-6, and a mixed space with a categorical and a
conditional parameter), over 20 seeds x 60 trials, and writes each run's best regret (best value
found minus the known optimum) and their medians to testdata/peers/optuna-regrets.json.

Run with Debian's Python (python3-optuna, python3-numpy):
    /usr/bin/python3 bench/peer/optuna_regret.py
"""
import json
import math
import os
import platform
import statistics
import sys
import warnings

import numpy as np
import optuna

SEEDS = list(range(20))
N_TRIALS = 60
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "testdata", "peers", "optuna-regrets.json")


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H_P = [
    [v * 1e-4 for v in row]
    for row in [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
]


def hartmann6(trial):
    x = [trial.suggest_float(f"x{j}", 0, 1) for j in range(6)]
    f = 0.0
    for i in range(4):
        inner = sum(H_A[i][j] * (x[j] - H_P[i][j]) ** 2 for j in range(6))
        f -= H_ALPHA[i] * math.exp(-inner)
    return f


PENALTY = {"relu": 0.0, "tanh": 0.5, "sigmoid": 1.0}


def mixed(trial):
    activation = trial.suggest_categorical("activation", ["relu", "tanh", "sigmoid"])
    layers = trial.suggest_int("layers", 1, 4)
    if layers >= 3:
        units_3 = trial.suggest_int("units_3", 8, 128, step=8)
        depth = ((units_3 - 40) / 20) ** 2 + 0.1 * (layers - 3)
    else:
        depth = 0.6 + 0.2 * (2 - layers)
    lr = trial.suggest_float("lr", 1e-5, 1, log=True)
    dropout = trial.suggest_float("dropout", 0, 0.5)
    return PENALTY[activation] + depth + (math.log10(lr) + 2.5) ** 2 + 4 * (dropout - 0.1) ** 2


FUNCTIONS = {
    "branin": (branin, 0.39788735772973816),
    "hartmann6": (hartmann6, -3.3223680114155147),
    "mixed": (mixed, 0.0),
}
SAMPLERS = {
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
}


def best_regret(objective, optimum, sampler):
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=N_TRIALS)
    return study.best_value - optimum


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.simplefilter("ignore")
    functions = {}
    for name, (objective, optimum) in FUNCTIONS.items():
        entry = {"optimum": optimum}
        for sampler_name, make in SAMPLERS.items():
            per_seed = [best_regret(objective, optimum, make(seed)) for seed in SEEDS]
            entry[sampler_name] = {"median": statistics.median(per_seed), "perSeed": per_seed}
            print(f"{name:10s} {sampler_name:7s} median best regret {entry[sampler_name]['median']:.6g}", file=sys.stderr)
        functions[name] = entry
    out = {
        "generator": "bench/peer/optuna_regret.py",
        "optuna": optuna.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "samplers": {"tpe": "TPESampler(seed=seed), all other arguments default", "random": "RandomSampler(seed=seed)"},
        "seeds": SEEDS,
        "nTrials": N_TRIALS,
        "direction": "minimize",
        "regret": "best value found in nTrials minus the known optimum",
        "functions": functions,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
