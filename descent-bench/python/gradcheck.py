#!/usr/bin/python3
"""Gradient-check cost, numpy float64: a [20,50,30,1] relu/relu/sigmoid network
(2 611 parameters) on 32 random examples, mean binary cross-entropy.

  gradcheck-full         the course's check: for every parameter, two cost
                         evaluations at theta_i +- eps (eps 1e-7), compared with
                         backprop by ||g - g~|| / (||g|| + ||g~||)
  gradcheck-directional  --directions random unit directions d, one pair of cost
                         evaluations each: (J(theta + eps d) - J(theta - eps d)) / 2eps
                         against g . d; reports the worst relative difference

value = wall seconds of one whole check (backprop included), median of --repeats.
Each line also carries a negative control: the same numeric gradient compared
with a deliberately wrong backprop (layer-1 ReLU derivative left out), which a
working check must reject.
"""
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
import common  # first: sets thread/kernel environment before numpy loads
from common import emit, log, now, spread

import numpy as np

LAYERS = [20, 50, 30, 1]
EXAMPLES = 32
EPS = 1e-7


class Net:
    """Parameters live in one flat vector; the W/b arrays are views into it, so
    perturbing theta[i] in place perturbs the network with no copying (the
    course rebuilds its parameter dictionary per evaluation; we skip that cost)."""

    def __init__(self, seed=1):
        init = common.he_init(LAYERS, seed=seed)
        rs = np.random.RandomState(seed + 1)
        # Non-zero biases, so their gradients are checked at a generic point too.
        for i in range(1, len(init), 2):
            init[i] = 0.1 * rs.randn(*init[i].shape)
        self.theta = np.concatenate([a.ravel() for a in init])
        self.params, k = [], 0
        for a in init:
            self.params.append(self.theta[k:k + a.size].reshape(a.shape))
            k += a.size
        self.X = rs.randn(LAYERS[0], EXAMPLES)
        self.Y = (rs.rand(1, EXAMPLES) > 0.5).astype(np.float64)

    def cost(self):
        W1, b1, W2, b2, W3, b3 = self.params
        A1 = np.maximum(W1 @ self.X + b1, 0.0)
        A2 = np.maximum(W2 @ A1 + b2, 0.0)
        Z3 = W3 @ A2 + b3
        # BCE from the logit: log(1 + e^-z) + (1 - y) z, stable for any z.
        return float(np.mean(np.logaddexp(0.0, -Z3) + (1.0 - self.Y) * Z3))

    def gradient(self, bug=False):
        """Backprop, flattened in theta's order.  bug=True drops layer 1's ReLU
        derivative: the negative control."""
        W1, b1, W2, b2, W3, b3 = self.params
        X, Y = self.X, self.Y
        Z1 = W1 @ X + b1
        A1 = np.maximum(Z1, 0.0)
        Z2 = W2 @ A1 + b2
        A2 = np.maximum(Z2, 0.0)
        A3 = 1.0 / (1.0 + np.exp(-(W3 @ A2 + b3)))
        dZ3 = (A3 - Y) / X.shape[1]
        dZ2 = (W3.T @ dZ3) * (Z2 > 0)
        dZ1 = W2.T @ dZ2
        if not bug:
            dZ1 = dZ1 * (Z1 > 0)
        grads = [dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True),
                 dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True),
                 dZ3 @ A2.T, dZ3.sum(axis=1, keepdims=True)]
        return np.concatenate([g.ravel() for g in grads])


def rel_diff(a, b):
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def full_check(net):
    grad = net.gradient()
    approx = np.empty_like(grad)
    theta = net.theta
    for i in range(theta.size):
        orig = theta[i]
        theta[i] = orig + EPS
        j_plus = net.cost()
        theta[i] = orig - EPS
        j_minus = net.cost()
        theta[i] = orig  # restore exactly, no drift from +eps-2eps+eps
        approx[i] = (j_plus - j_minus) / (2 * EPS)
    return rel_diff(grad, approx), approx


def directional_check(net, directions, seed):
    grad = net.gradient()
    rs = np.random.RandomState(seed)
    theta, base = net.theta, net.theta.copy()
    worst, numeric, dirs = 0.0, [], []
    for _ in range(directions):
        d = rs.randn(theta.size)
        d /= np.linalg.norm(d)
        np.add(base, EPS * d, out=theta)
        j_plus = net.cost()
        np.subtract(base, EPS * d, out=theta)
        j_minus = net.cost()
        num = (j_plus - j_minus) / (2 * EPS)
        ana = float(grad @ d)
        worst = max(worst, abs(num - ana) / (abs(num) + abs(ana)))
        numeric.append(num)
        dirs.append(d)
    theta[:] = base
    return worst, numeric, dirs


def main():
    ap = common.base_parser(__doc__.split("\n")[0], impls=("numpy",))
    ap.add_argument("--repeats", type=int, default=None, help="default 5, --quick 1")
    ap.add_argument("--directions", type=int, default=8)
    args = ap.parse_args()
    repeats = args.repeats or (1 if args.quick else 5)

    net = Net()
    n_params = net.theta.size
    assert n_params == 2611, n_params

    times = []
    for _ in range(repeats):
        t0 = now()
        diff, approx = full_check(net)
        times.append(now() - t0)
    control = rel_diff(net.gradient(bug=True), approx)
    s = spread(times)
    log("gradcheck: full %.3f s, rel diff %.2e (control %.2e)" % (s["median"], diff, control))
    emit("gradcheck", "gradcheck-full", "numpy", s["median"], "s",
         rel_diff=diff, passed=diff < 1e-7, negative_control_rel_diff=control,
         negative_control_rejected=control > 1e-7, params=n_params,
         cost_evaluations=2 * n_params, examples=EXAMPLES, eps=EPS, dtype="float64",
         time_min=s["min"], time_max=s["max"], runs=s["runs"], quick=args.quick)

    times = []
    for r in range(repeats):
        t0 = now()
        worst, numeric, dirs = directional_check(net, args.directions, seed=100)
        times.append(now() - t0)
    bad = net.gradient(bug=True)
    control = max(abs(num - float(bad @ d)) / (abs(num) + abs(float(bad @ d)))
                  for num, d in zip(numeric, dirs))
    s = spread(times)
    log("gradcheck: directional %.5f s, worst rel diff %.2e (control %.2e)"
        % (s["median"], worst, control))
    emit("gradcheck", "gradcheck-directional", "numpy", s["median"], "s",
         rel_diff=worst, passed=worst < 1e-6, negative_control_rel_diff=control,
         negative_control_rejected=control > 1e-6, directions=args.directions,
         params=n_params, cost_evaluations=2 * args.directions, examples=EXAMPLES,
         eps=EPS, dtype="float64", time_min=s["min"], time_max=s["max"],
         runs=s["runs"], quick=args.quick)


if __name__ == "__main__":
    main()
