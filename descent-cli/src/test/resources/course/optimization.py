#!/usr/bin/python3
"""Writes optimization.json: the course's optimization lab exactly as its numpy reference runs it.

- X, y: sklearn.datasets.make_moons(n_samples=300, noise=0.2, random_state=3), re-implemented
  with numpy's RandomState only (same draws: shuffle of the indices, then the noise);
- W1..b3: the reference's He initialization of [2,5,2,1] (RandomState(3).randn * sqrt(2/n_prev));
- results: the reference's train accuracy and cost after 10 000 epochs of mini-batch 64,
  lr 0.0007 (numpy float64, /work/shared/bench/py/a_optimizers.py).

Run: python3 optimization.py > optimization.json  (needs numpy and a_optimizers.py on the path)
"""
import json
import sys

import numpy as np

sys.path.insert(0, "/work/shared/bench/py")
sys.dont_write_bytecode = True
import a_optimizers as A  # noqa: E402


def make_moons(n, noise, seed):
    rs = np.random.RandomState(seed)
    n_out = n // 2
    n_in = n - n_out
    t_out = np.linspace(0, np.pi, n_out)
    t_in = np.linspace(0, np.pi, n_in)
    X = np.vstack([np.append(np.cos(t_out), 1 - np.cos(t_in)),
                   np.append(np.sin(t_out), 1 - np.sin(t_in) - 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    idx = np.arange(n)
    rs.shuffle(idx)
    X, y = X[idx], y[idx]
    X += rs.normal(scale=noise, size=X.shape)
    return X, y


def array(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


X, y = make_moons(300, 0.2, 3)
init = A.he_init(A.LAYERS, seed=3)
orders = A.epoch_orders(300, 10000)
cfg = dict(lr=0.0007, batch=64, beta=0.9, beta1=0.9, beta2=0.999, eps=1e-8, record_every=0)
results = {}
for opt in ["gd", "momentum", "adam"]:
    params, _ = A.np_train(opt, X.T.copy(), y.reshape(1, -1).astype(np.float64), init, orders, **cfg)
    results[opt] = {"train_accuracy": A.np_accuracy(params, X.T, y.reshape(1, -1)),
                    "final_cost": A.np_cost(params, X.T, y.reshape(1, -1))}
out = {"note": __doc__.strip(), "X": array(X), "y": array(y)}
for l in range(3):
    out["W%d" % (l + 1)] = array(init[2 * l])
    out["b%d" % (l + 1)] = array(init[2 * l + 1][:, 0])
out["results"] = results
json.dump(out, sys.stdout, indent=1)
