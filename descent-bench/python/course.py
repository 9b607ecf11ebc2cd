#!/usr/bin/python3
"""Course workloads: the small-network experiments of the deep-learning course.

  optimization-gd    make_moons(300, noise .2, seed 3), [2,5,2,1] relu/relu/sigmoid,
  optimization-adam  He init, mini-batch 64 (reshuffled every epoch, last partial batch
                     kept), lr 0.0007, 10 000 epochs, binary cross-entropy;
                     Adam: beta1 .9, beta2 .999, eps 1e-8, bias-corrected
  init-he            make_circles(300, noise .05, seed 1), [2,10,5,1], He init,
                     lr 0.01, 15 000 full-batch gradient-descent iterations

value = wall seconds of the training loop (median of --repeats runs), plus the
train accuracy of the trained network.  numpy is float64 with examples as
columns, hand-written backprop (the course's own style); torch is float32 with
nn.Linear, BCEWithLogitsLoss and torch.optim.  Both start from the same He
weights and see the same mini-batch order, so their accuracies agree.
"""
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
import common  # first: sets thread/kernel environment before numpy loads
from common import emit, log, now, spread

import numpy as np

MOONS_LAYERS = [2, 5, 2, 1]
CIRCLES_LAYERS = [2, 10, 5, 1]


def epoch_orders(m, epochs, seed=10):
    """The course reseeds its shuffle every epoch (seed 11, 12, ...).  Drawn
    before the clock starts: seeding a Mersenne Twister 10 000 times costs about
    as much as the GD training itself and is not what we are measuring."""
    return [np.random.RandomState(seed + e + 1).permutation(m) for e in range(epochs)]


# --------------------------------------------------------------------------
# numpy, float64, examples as columns.  Written out for exactly three layers,
# as the course does: a generic layer loop costs Python time on these tiny nets.
# --------------------------------------------------------------------------
def np_forward(p, X):
    W1, b1, W2, b2, W3, b3 = p
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(Z2, 0.0)
    Z3 = W3 @ A2 + b3
    A3 = 1.0 / (1.0 + np.exp(-Z3))
    return A3, (A1, A2)


def np_backward(p, X, Y, A3, cache):
    """Gradients of the mean binary cross-entropy; sigmoid+BCE give dZ3 = A3 - Y."""
    _, _, W2, _, W3, _ = p
    A1, A2 = cache
    dZ3 = (A3 - Y) * (1.0 / X.shape[1])
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    return [dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True),
            dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True),
            dZ3 @ A2.T, dZ3.sum(axis=1, keepdims=True)]


def np_accuracy(p, X, Y):
    A3, _ = np_forward(p, X)
    return float(np.mean((A3 > 0.5) == (Y > 0.5)))


def np_train_minibatch(init, X, Y, orders, lr, batch, optimizer,
                       beta1=0.9, beta2=0.999, eps=1e-8):
    p = [a.copy() for a in init]
    m_ = [np.zeros_like(a) for a in p]
    v_ = [np.zeros_like(a) for a in p]
    t = 0
    m = X.shape[1]
    for perm in orders:
        Xs, Ys = X[:, perm], Y[:, perm]
        for k in range(0, m, batch):
            Xb, Yb = Xs[:, k:k + batch], Ys[:, k:k + batch]
            A3, cache = np_forward(p, Xb)
            grads = np_backward(p, Xb, Yb, A3, cache)
            if optimizer == "gd":
                for a, g in zip(p, grads):
                    a -= lr * g
            else:  # adam
                t += 1
                c1 = 1.0 - beta1 ** t
                c2 = 1.0 - beta2 ** t
                for a, g, mm, vv in zip(p, grads, m_, v_):
                    mm *= beta1
                    mm += (1.0 - beta1) * g
                    vv *= beta2
                    vv += (1.0 - beta2) * (g * g)
                    a -= lr * (mm / c1) / (np.sqrt(vv / c2) + eps)
    return p


def np_train_fullbatch(init, X, Y, lr, iterations):
    p = [a.copy() for a in init]
    for _ in range(iterations):
        A3, cache = np_forward(p, X)
        for a, g in zip(p, np_backward(p, X, Y, A3, cache)):
            a -= lr * g
    return p


# --------------------------------------------------------------------------
# torch, float32, examples as rows
# --------------------------------------------------------------------------
def torch_model(torch, layers, init):
    nn = torch.nn
    mods = []
    for l in range(1, len(layers)):
        lin = nn.Linear(layers[l - 1], layers[l])
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(init[2 * l - 2]))
            lin.bias.copy_(torch.from_numpy(init[2 * l - 1][:, 0]))
        mods.append(lin)
        if l < len(layers) - 1:
            mods.append(nn.ReLU())
    # The sigmoid lives inside BCEWithLogitsLoss (numerically the better form).
    return nn.Sequential(*mods)


def torch_accuracy(torch, model, X, Y):
    with torch.no_grad():
        return float(((model(X) > 0) == (Y > 0.5)).double().mean())


def torch_train_minibatch(torch, model, X, Y, orders, lr, batch, optimizer):
    loss_fn = torch.nn.BCEWithLogitsLoss()
    if optimizer == "gd":
        opt = torch.optim.SGD(model.parameters(), lr=lr)
    else:
        # foreach=True: one multi-tensor kernel per step instead of one per
        # parameter; on these six tiny tensors it is the faster Adam.
        opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999),
                               eps=1e-8, foreach=True)
    m = X.shape[0]
    for perm in orders:
        Xs, Ys = X[perm], Y[perm]
        for k in range(0, m, batch):
            opt.zero_grad(set_to_none=True)
            loss_fn(model(Xs[k:k + batch]), Ys[k:k + batch]).backward()
            opt.step()


def torch_train_fullbatch(torch, model, X, Y, lr, iterations):
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(iterations):
        opt.zero_grad(set_to_none=True)
        loss_fn(model(X), Y).backward()
        opt.step()


# --------------------------------------------------------------------------
def measure(impl, workload, cfg, repeats):
    """Train `repeats` times from the same start; returns (seconds list, accuracy)."""
    times, acc = [], None
    if workload == "init-he":
        X, Y = common.circles(300, seed=1)
        Xt, Yt = common.circles(100, seed=2)
        init = common.he_init(CIRCLES_LAYERS, seed=3)
        layers = CIRCLES_LAYERS
    else:
        X, Y = common.moons()
        init = common.he_init(MOONS_LAYERS, seed=3)
        layers = MOONS_LAYERS
        orders = epoch_orders(X.shape[1], cfg["epochs"])
    extra = {}
    if impl == "numpy":
        for _ in range(repeats):
            t0 = now()
            if workload == "init-he":
                p = np_train_fullbatch(init, X, Y, cfg["lr"], cfg["iterations"])
            else:
                p = np_train_minibatch(init, X, Y, orders, cfg["lr"], cfg["batch"],
                                       workload.split("-")[1])
            times.append(now() - t0)
        acc = np_accuracy(p, X, Y)
        if workload == "init-he":
            extra["test_accuracy"] = np_accuracy(p, Xt, Yt)
    else:
        torch = common.import_torch()
        Xr = torch.from_numpy(X.T.astype(np.float32))
        Yr = torch.from_numpy(Y.T.astype(np.float32))
        init32 = [a.astype(np.float32) for a in init]
        orders_t = None if workload == "init-he" else [torch.from_numpy(o) for o in orders]
        for _ in range(repeats):
            model = torch_model(torch, layers, init32)
            t0 = now()
            if workload == "init-he":
                torch_train_fullbatch(torch, model, Xr, Yr, cfg["lr"], cfg["iterations"])
            else:
                torch_train_minibatch(torch, model, Xr, Yr, orders_t, cfg["lr"],
                                      cfg["batch"], workload.split("-")[1])
            times.append(now() - t0)
        acc = torch_accuracy(torch, model, Xr, Yr)
        if workload == "init-he":
            extra["test_accuracy"] = torch_accuracy(
                torch, model, torch.from_numpy(Xt.T.astype(np.float32)),
                torch.from_numpy(Yt.T.astype(np.float32)))
    return times, acc, extra


def main():
    ap = common.base_parser(__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=None,
                    help="training runs per workload (default 3, --quick 1)")
    ap.add_argument("--workloads", default="optimization-gd,optimization-adam,init-he")
    args = ap.parse_args()
    repeats = args.repeats or (1 if args.quick else 3)
    epochs = 500 if args.quick else 10000
    iterations = 1500 if args.quick else 15000

    configs = {
        "optimization-gd": dict(epochs=epochs, lr=0.0007, batch=64),
        "optimization-adam": dict(epochs=epochs, lr=0.0007, batch=64),
        "init-he": dict(iterations=iterations, lr=0.01),
    }
    for impl in common.selected_impls(args):
        for workload in args.workloads.split(","):
            cfg = configs[workload]
            log("course: %s %s %s" % (impl, workload, cfg))
            times, acc, extra = measure(impl, workload, cfg, repeats)
            s = spread(times)
            emit("course", workload, impl, s["median"], "s",
                 train_accuracy=acc, **extra,
                 dtype="float64" if impl == "numpy" else "float32",
                 time_min=s["min"], time_max=s["max"], runs=s["runs"],
                 quick=args.quick, **cfg)


if __name__ == "__main__":
    main()
