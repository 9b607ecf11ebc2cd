"""Writes the crafted files the loaders' size and structure tests read (run with Debian's
python3-h5py and python3-scipy: /usr/bin/python3 make_fixtures.py). Each file is small on disk
and declares or links something a loader must refuse or survive."""
import h5py
import numpy as np
import scipy.io
import scipy.sparse

# 100 000 cat-sized images, gzip-compressed, one written: a few KB declaring 1.2e9 values
with h5py.File("gzip-bomb.h5", "w") as f:
    x = f.create_dataset("train_set_x", shape=(100000, 64, 64, 3), dtype="u1", chunks=(1, 64, 64, 3), compression="gzip")
    y = f.create_dataset("train_set_y", shape=(100000,), dtype="i8", chunks=(1000,), compression="gzip")
    x[0] = 1   # one chunk written, so that the datasets are not empty
    y[0] = 1

# a group that is its own child (hard link) and one that links to the root (soft link), beside
# a readable pair of datasets
with h5py.File("link-cycle.h5", "w") as f:
    f.create_dataset("train_set_x", data=np.arange(12, dtype="f8").reshape(4, 3))
    f.create_dataset("train_set_y", data=np.array([0, 1, 0, 1]))
    g = f.create_group("g")
    g["self"] = g
    g["root"] = h5py.SoftLink("/")
    f["g/back"] = f

# a 40 000 × 40 000 sparse matrix with one entry: a few hundred bytes standing for 1.6e9 values
x = scipy.sparse.csc_matrix(([1.0], ([0], [0])), shape=(40000, 40000))
scipy.io.savemat("sparse-bomb.mat", {"X": x, "y": np.zeros((40000, 1))}, do_compression=True)

# MATLAB v7.3 (HDF5 inside, column-major): X is 3 × 2 in MATLAB, stored as 2 × 3
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
y = np.array([[0.0], [1.0], [1.0]])
with h5py.File("v73.mat", "w", userblock_size=512) as f:
    f.create_dataset("X", data=X.T)
    f.create_dataset("y", data=y.T)
    for name in ("X", "y"):
        f[name].attrs["MATLAB_class"] = np.bytes_("double")
header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Dec  7 00:00:00 2026 HDF5 schema 1.00 ."
with open("v73.mat", "r+b") as f:
    f.write(header.ljust(116, b" ") + b"\x00" * 8 + b"\x00\x02" + b"IM")

# lzf compression with fletcher32 checksums (h5py's own filter; jHDF may not read it)
with h5py.File("lzf.h5", "w") as f:
    f.create_dataset("train_set_x", data=np.arange(400, dtype="f4").reshape(100, 4), chunks=(10, 4), compression="lzf", fletcher32=True)
    f.create_dataset("train_set_y", data=np.arange(100) % 2, chunks=(10,), compression="lzf", fletcher32=True)
