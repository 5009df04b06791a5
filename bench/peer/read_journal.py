#!/usr/bin/python3
"""Load an Optuna journal file written by Encore and print what Optuna reads back, as JSON.

Usage: /usr/bin/python3 bench/peer/read_journal.py JOURNAL_PATH STUDY_NAME
Works with Optuna 3.1+ (JournalFileStorage) and 4.x (journal.JournalFileBackend).
"""
import json
import math
import sys
import warnings

import optuna


def backend(path):
    journal = getattr(optuna.storages, "journal", None)
    if journal is not None and hasattr(journal, "JournalFileBackend"):
        return journal.JournalFileBackend(path)
    return optuna.storages.JournalFileStorage(path)


def num(x):
    if x is None:
        return None
    if isinstance(x, float) and not math.isfinite(x):
        return repr(x)
    return x


def main():
    warnings.simplefilter("ignore")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    path, name = sys.argv[1], sys.argv[2]
    storage = optuna.storages.JournalStorage(backend(path))
    study = optuna.load_study(study_name=name, storage=storage)
    out = {
        "optuna": optuna.__version__,
        "study_name": study.study_name,
        "directions": [d.name for d in study.directions],
        "user_attrs": study.user_attrs,
        "trials": [
            {
                "number": t.number,
                "state": t.state.name,
                "params": t.params,
                "value": num(t.value) if t.values is not None else None,
                "intermediate": {str(k): num(v) for k, v in sorted(t.intermediate_values.items())},
                "distributions": {k: optuna.distributions.distribution_to_json(d) for k, d in t.distributions.items()},
            }
            for t in study.trials
        ],
    }
    if any(t.state == optuna.trial.TrialState.COMPLETE for t in study.trials):
        out["best"] = {"number": study.best_trial.number, "value": study.best_value, "params": study.best_params}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
