#!/usr/bin/python3
"""Peer check for src/core/onnx: the reference ONNX checker on models Encore wrote.

Run with Debian's interpreter and package (apt-get install -y python3-onnx; no pip):

    /usr/bin/python3 bench/peer/onnx_check.py model.onnx [more.onnx ...]

For each file: onnx.load, then onnx.checker.check_model(model, full_check=True) (structure, opset schemas and
strict shape inference). Prints one JSON object per file on stdout:
    {"file": ..., "ok": true, "ir_version": 7, "opset": 13, "inputs": [...], "outputs": [...], "metadata": {...}}
or {"file": ..., "ok": false, "error": "..."}; exits 1 when any file fails.
"""
import json
import sys

import onnx


def dims(value_info):
    shape = value_info.type.tensor_type.shape
    return [d.dim_param if d.HasField("dim_param") else d.dim_value for d in shape.dim]


def check(path):
    try:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
    except Exception as e:  # the checker raises ValidationError, shape inference InferenceError
        return {"file": path, "ok": False, "error": f"{type(e).__name__}: {e}"}
    return {
        "file": path,
        "ok": True,
        "onnx_version": onnx.__version__,
        "ir_version": model.ir_version,
        "opset": max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")),
        "inputs": [{"name": v.name, "shape": dims(v)} for v in model.graph.input],
        "outputs": [{"name": v.name, "shape": dims(v)} for v in model.graph.output],
        "metadata": {p.key: p.value for p in model.metadata_props},
        "nodes": len(model.graph.node),
    }


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    results = [check(p) for p in paths]
    for r in results:
        print(json.dumps(r))
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
