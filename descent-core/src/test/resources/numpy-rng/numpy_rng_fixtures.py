"""Writes the fixtures NumpyRandomStateTest compares with, bit for bit: numpy's legacy global
generator (np.random.seed, rand, randn, permutation, 32-bit words) for many seeds.

    python3 numpy_rng_fixtures.py > streams.txt     # Debian: python3-numpy

Each line: seed, what was drawn after np.random.seed(seed), how many, the values (repr of a
float64 round-trips exactly; words and permutations are integers). 'mixed' interleaves randn and
rand, so numpy's cached second Gaussian must survive a rand call.
"""
import numpy as np

SEEDS = [0, 1, 2, 3, 10, 11, 42, 12345, 2**31, 2**32 - 1]
PERMUTATIONS = [1, 2, 3, 10, 64, 211, 300, 1000]


def line(seed, kind, values):
    print(seed, kind, len(values), " ".join(repr(float(v)) if isinstance(v, float) else str(int(v)) for v in values))


print("# numpy", np.__version__)
for seed in SEEDS:
    np.random.seed(seed)
    line(seed, "rand", [float(v) for v in np.random.rand(700)])        # 1400 words: two regenerations
    np.random.seed(seed)
    line(seed, "randn", [float(v) for v in np.random.randn(651)])      # odd: ends on a kept value
    np.random.seed(seed)
    line(seed, "words", list(np.random.randint(0, 2**32, size=650, dtype=np.uint32)))
    np.random.seed(seed)
    mixed = []
    for k in range(40):
        mixed.append(float(np.random.randn()))
        mixed.append(float(np.random.rand()))
    line(seed, "mixed", mixed)
    np.random.seed(seed)
    perms = []
    for n in PERMUTATIONS:                                             # one after another, one stream
        perms.extend(np.random.permutation(n))
    line(seed, "permutations:" + ",".join(map(str, PERMUTATIONS)), perms)
