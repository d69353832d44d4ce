#!/usr/bin/env python
"""How safely a chapter page's printed block outputs survive float32 arithmetic done in another order.

Usage: .venv/bin/python tools/output_margins.py nbs/02_torch.ipynb [trials]   (any chapter page, 04_jax included)

Runs the page's code cells in order, as the kernel would. After each cell whose stored output prints a block's
output on `X`, it recomputes that output from the block's own weights (the framework adapter's `page_state`) in float64, and again
`trials` times in float32 adding the terms of every product in a random order. It reports the float32 error,
the smallest distance of a value from a boundary where its 4-decimal print would change, and how many of
the random orders print differently. The pages print four decimals; a margin far above the error is what
makes the stored outputs the same on every machine.
"""
import contextlib, io, json, linecache, os, sys
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from d2lblocks.core import FRAMEWORKS, chapter_page
from d2lblocks.grader.adapters.base import adapter

PAGES = {chapter_page(fw): fw for fw in FRAMEWORKS}
rng = np.random.default_rng(0)


def matmul32(a, w):
    "float32 `a @ w`, adding the terms in a random order, rounding each product and each sum."
    a, w = a.astype(np.float32), w.astype(np.float32)
    acc = np.zeros((a.shape[0], w.shape[1]), np.float32)
    for k in rng.permutation(a.shape[1]): acc = acc + a[:, k:k + 1] * w[k:k + 1, :]
    return acc


def sum32(a):
    acc = np.float32(0)
    for v in rng.permutation(a.ravel()): acc = np.float32(acc + v)
    return acc


def forward(x, ws, cs, mm, total, dtype):
    "The chapter's blocks from their weights alone: MLP (4 weights), FixedHiddenMLP (2 + constant), chimera (10 + constant)."
    relu = lambda a: np.maximum(a, dtype(0))
    def fixed(h, W, b, C):
        h = relu(mm(relu(mm(relu(mm(h, W) + b), C) + dtype(1)), W) + b)
        while total(np.abs(h)) > 1: h = h / dtype(2)
        return total(h)
    if len(ws) == 4 and not cs: return mm(relu(mm(x, ws[0]) + ws[1]), ws[2]) + ws[3]
    if len(ws) == 2 and len(cs) == 1: return fixed(x, ws[0], ws[1], cs[0])
    if len(ws) == 10 and len(cs) == 1:
        for i in range(3): x = relu(mm(x, ws[2 * i]) + ws[2 * i + 1])
        return fixed(mm(x, ws[6]) + ws[7], ws[8], ws[9], cs[0])
    raise ValueError(f"no reference for a block with {len(ws)} weights and {len(cs)} constants")


def check(path, trials=200):
    fw = PAGES[os.path.basename(path)]
    nb = json.load(open(path, encoding="utf-8"))
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.chdir(os.path.dirname(os.path.abspath(path)))
    ops = adapter(fw)  # the page's block and its weights, in NumPy
    ns, worst = {}, []
    for i, cell in enumerate(nb["cells"]):
        src = "".join(cell["source"])
        if cell["cell_type"] != "code" or src.startswith("#| default_exp"): continue
        name = f"<cell {i}>"
        linecache.cache[name] = (len(src), None, src.splitlines(True), name)  # TorchScript reads the source
        with contextlib.redirect_stdout(io.StringIO()): exec(compile(src, name, "exec"), ns)
        printed = "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))
        # How the page prints a block's output (JAX applies the module to `variables`): the adapter knows.
        call = ops.page_call
        if call not in src or not any(ch.isdigit() for ch in printed) or f"{call}.shape" in src: continue
        ws, cs, x, y32 = ops.page_state(ns)  # the float32 output, as float64
        x = x.astype(np.float32)  # the page's float32 input, exactly
        y64 = np.asarray(forward(x.astype(np.float64), [w.astype(np.float64) for w in ws], [c.astype(np.float64) for c in cs],
                                 np.matmul, np.sum, np.float64))
        sims = np.array([forward(x, ws, cs, matmul32, sum32, np.float32) for _ in range(trials)], np.float64)
        scaled = y64 * 1e4
        margin = float((np.abs(scaled - np.floor(scaled) - 0.5) / 1e4).min())
        flips = int((np.round(sims, 4) != np.round(y64, 4)).reshape(trials, -1).any(axis=1).sum())
        print(f"{os.path.basename(path)} cell {i}: float32 error {np.abs(y32 - y64).max():.1e}, random orders up to "
              f"{np.abs(sims - y64).max():.1e}; nearest rounding boundary {margin:.1e}; prints differently in {flips}/{trials} orders")
        worst.append(flips)
    return sum(worst)


if __name__ == "__main__":
    if len(sys.argv) < 2: sys.exit(__doc__)
    sys.exit(1 if check(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200) else 0)
