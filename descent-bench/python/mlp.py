#!/usr/bin/python3
"""MLP throughput: 784-512-256-10 relu/relu/softmax, Adam lr 1e-3, float32.

Synthetic seeded data (60 000 x 784 inputs, 10 classes from a random linear
teacher).  For each batch size (32, 128, 1024): one warm-up epoch, then
--epochs timed epochs (reshuffled each time, last partial batch kept);
value = median samples/s over the timed epochs.

numpy is given its best: float32 throughout, examples as rows (so every matmul
is one large row-major GEMM), preallocated buffers and in-place Adam.
torch uses the idiomatic nn.Linear + cross_entropy + torch.optim.Adam loop; its
Adam has two implementations (per-tensor loop and multi-tensor "foreach") whose
speed order depends on batch size, so both are run and the faster is reported
(the other is recorded in the line).

Limit the number of examples for a smoke run with --examples N or the
environment variable DESCENT_BENCH_MLP_EXAMPLES.
"""
import os
import statistics
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
import common  # first: sets thread/kernel environment before numpy loads
from common import emit, log, now

import numpy as np

LAYERS = [784, 512, 256, 10]


def he_init32(seed=7):
    """He-normal weights as (in, out) float32, zero biases; shared by both impls."""
    rng = np.random.default_rng(seed)
    params = []
    for n_in, n_out in zip(LAYERS[:-1], LAYERS[1:]):
        W = rng.standard_normal((n_in, n_out), dtype=np.float32) * np.float32(np.sqrt(2.0 / n_in))
        params += [W, np.zeros(n_out, dtype=np.float32)]
    return params


# --------------------------------------------------------------------------
# numpy
# --------------------------------------------------------------------------
class NumpyMLP:
    """Hand-written forward/backward/Adam writing into preallocated buffers, so
    the steady state allocates almost nothing."""

    def __init__(self, max_batch, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.p = he_init32()
        self.g = [np.empty_like(a) for a in self.p]
        self.m = [np.zeros_like(a) for a in self.p]
        self.v = [np.zeros_like(a) for a in self.p]
        self.tmp = [np.empty_like(a) for a in self.p]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        f32 = np.float32
        # Activations (also reused for their gradients, layer by layer).
        self.A1 = np.empty((max_batch, LAYERS[1]), f32)
        self.A2 = np.empty((max_batch, LAYERS[2]), f32)
        self.P = np.empty((max_batch, LAYERS[3]), f32)
        self.dA1 = np.empty((max_batch, LAYERS[1]), f32)
        self.dA2 = np.empty((max_batch, LAYERS[2]), f32)

    def step(self, x, y):
        """One Adam step on batch (x, y); returns the batch's mean loss."""
        W1, b1, W2, b2, W3, b3 = self.p
        gW1, gb1, gW2, gb2, gW3, gb3 = self.g
        B = x.shape[0]
        A1, A2, P = self.A1[:B], self.A2[:B], self.P[:B]
        dA1, dA2 = self.dA1[:B], self.dA2[:B]

        np.matmul(x, W1, out=A1)
        A1 += b1
        np.maximum(A1, 0, out=A1)
        np.matmul(A1, W2, out=A2)
        A2 += b2
        np.maximum(A2, 0, out=A2)
        np.matmul(A2, W3, out=P)
        P += b3
        P -= P.max(axis=1, keepdims=True)  # stable softmax
        np.exp(P, out=P)
        P /= P.sum(axis=1, keepdims=True)

        rows = np.arange(B)
        loss = -float(np.mean(np.log(P[rows, y])))

        # softmax + cross-entropy: dZ3 = (P - onehot) / B, formed in place in P
        P[rows, y] -= 1.0
        P *= np.float32(1.0 / B)
        np.matmul(A2.T, P, out=gW3)
        np.sum(P, axis=0, out=gb3)
        np.matmul(P, W3.T, out=dA2)
        dA2 *= A2 > 0  # ReLU' from the stored activation
        np.matmul(A1.T, dA2, out=gW2)
        np.sum(dA2, axis=0, out=gb2)
        np.matmul(dA2, W2.T, out=dA1)
        dA1 *= A1 > 0
        np.matmul(x.T, dA1, out=gW1)
        np.sum(dA1, axis=0, out=gb1)

        self._adam()
        return loss

    def _adam(self):
        b1, b2 = self.beta1, self.beta2
        self.t += 1
        c1 = 1.0 - b1 ** self.t
        c2 = 1.0 - b2 ** self.t
        # lr * mhat / (sqrt(vhat) + eps) rewritten as step * m / (sqrt(v) + eps'),
        # exactly equal and two full-array passes cheaper.
        step = np.float32(self.lr * np.sqrt(c2) / c1)
        eps_hat = np.float32(self.eps * np.sqrt(c2))
        for p, g, m, v, tmp in zip(self.p, self.g, self.m, self.v, self.tmp):
            m *= np.float32(b1)
            np.multiply(g, np.float32(1.0 - b1), out=tmp)
            m += tmp
            v *= np.float32(b2)
            np.multiply(g, g, out=tmp)
            tmp *= np.float32(1.0 - b2)
            v += tmp
            np.sqrt(v, out=tmp)
            tmp += eps_hat
            np.divide(m, tmp, out=tmp)
            tmp *= step
            p -= tmp


def numpy_epochs(X, y, batch, timed_epochs):
    """Returns (seconds per timed epoch, mean loss of the last epoch)."""
    model = NumpyMLP(batch)
    rng = np.random.default_rng(0)
    n = X.shape[0]
    times, loss = [], None
    for e in range(1 + timed_epochs):  # epoch 0 is the warm-up
        t0 = now()
        perm = rng.permutation(n)
        total = 0.0
        for k in range(0, n, batch):
            idx = perm[k:k + batch]
            total += model.step(X[idx], y[idx]) * len(idx)
        t = now() - t0
        loss = total / n
        if e > 0:
            times.append(t)
        log("  numpy b%d epoch %d: %.2f s, loss %.4f" % (batch, e, t, loss))
    return times, loss, {}


# --------------------------------------------------------------------------
# torch
# --------------------------------------------------------------------------
def torch_epochs_variant(X, y, batch, timed_epochs, foreach):
    torch = common.import_torch()
    nn, F = torch.nn, torch.nn.functional
    init = he_init32()
    linears = []
    for i in range(3):
        lin = nn.Linear(LAYERS[i], LAYERS[i + 1])
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(init[2 * i].T))
            lin.bias.copy_(torch.from_numpy(init[2 * i + 1]))
        linears.append(lin)
    # inplace ReLU: Linear's backward does not need its own output, so this is safe.
    model = nn.Sequential(linears[0], nn.ReLU(inplace=True), linears[1],
                          nn.ReLU(inplace=True), linears[2])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999),
                           eps=1e-8, foreach=foreach)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    gen = torch.Generator().manual_seed(0)
    n = X.shape[0]
    times, loss = [], None
    for e in range(1 + timed_epochs):
        t0 = now()
        perm = torch.randperm(n, generator=gen)
        total = 0.0
        for k in range(0, n, batch):
            idx = perm[k:k + batch]
            out = F.cross_entropy(model(Xt[idx]), yt[idx])
            opt.zero_grad(set_to_none=True)
            out.backward()
            opt.step()
            total += out.item() * len(idx)
        t = now() - t0
        loss = total / n
        if e > 0:
            times.append(t)
        log("  torch(%s) b%d epoch %d: %.2f s, loss %.4f"
            % ("foreach" if foreach else "loop", batch, e, t, loss))
    return times, loss


def torch_epochs(X, y, batch, timed_epochs, adam_variant):
    variants = {"foreach": [True], "loop": [False], "both": [True, False]}[adam_variant]
    results = []
    for foreach in variants:
        times, loss = torch_epochs_variant(X, y, batch, timed_epochs, foreach)
        results.append((statistics.median(times), foreach, times, loss))
    results.sort(key=lambda r: r[0])
    _, foreach, times, loss = results[0]
    extra = {"adam_impl": "foreach" if foreach else "loop"}
    if len(results) > 1:
        other = results[1]
        extra["other_adam_impl"] = "foreach" if other[1] else "loop"
        extra["other_adam_samples_per_s"] = X.shape[0] / other[0]
    return times, loss, extra


# --------------------------------------------------------------------------
def main():
    ap = common.base_parser(__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int,
                    default=int(os.environ.get("DESCENT_BENCH_MLP_EXAMPLES") or 0) or None,
                    help="number of synthetic examples (default 60000, --quick 2048; "
                         "env DESCENT_BENCH_MLP_EXAMPLES)")
    ap.add_argument("--epochs", type=int, default=3, help="timed epochs after the warm-up")
    ap.add_argument("--batches", default="32,128,1024")
    ap.add_argument("--torch-adam", choices=["foreach", "loop", "both"], default="both")
    args = ap.parse_args()
    n = args.examples or (2048 if args.quick else 60000)

    X, y = common.synthetic_classification(n, LAYERS[0], LAYERS[-1], seed=42)
    for impl in common.selected_impls(args):
        for batch in (int(b) for b in args.batches.split(",")):
            log("mlp: %s batch %d, %d examples" % (impl, batch, n))
            if impl == "numpy":
                times, loss, extra = numpy_epochs(X, y, batch, args.epochs)
            else:
                times, loss, extra = torch_epochs(X, y, batch, args.epochs, args.torch_adam)
            rates = [n / t for t in times]
            med = statistics.median(rates)
            emit("mlp", "mlp-b%d" % batch, impl, med, "samples/s",
                 samples_per_s_min=min(rates), samples_per_s_max=max(rates),
                 ms_per_step=1000.0 * batch / med, timed_epochs=len(times),
                 warmup_epochs=1, examples=n, batch=batch, dtype="float32",
                 last_epoch_loss=loss, quick=args.quick, **extra)


if __name__ == "__main__":
    main()
