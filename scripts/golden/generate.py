#!/usr/bin/env python3
"""Golden vectors for PerfGateStatistics.

Writes Tests/PerfGateStatisticsTests/Golden/*.json from numpy and scipy. Run from the package root:

    python3 scripts/golden/generate.py

Needs numpy and scipy (checked with numpy 2.4.6 and scipy 1.17.1). Everything is seeded and the
output is deterministic; the files are committed, so the Swift tests never need Python.

Samples are stored compactly as a generator description rather than as numbers, where they are
long: a SplitMix64 stream (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
OOPSLA 2014) turned into doubles using only correctly rounded IEEE operations, so Python and Swift
produce bit-identical samples (`SplitMix64` in the Swift tests is the same code):

    u       = (next() >> 11) * 2**-53                  # uniform in [0, 1), 53 bits
    uniform : offset + scale * u
    integer : offset + scale * floor(u * levels)        # many ties
    pareto  : offset + scale * (1 / (1 - u) - 1)        # heavy right tail

Each generated sample also records its count, first value, last value and left-to-right sum, which
the Swift tests check before using it.

Definitions that are not a single library call (the Swift doc comments say the same):
- Hodges-Lehmann estimate: np.median(np.subtract.outer(candidate, baseline)).
- Its interval: [D(k), D(N+1-k)] of the N = n*m sorted differences, alpha = 1 - confidence;
  n*m <= 40,000: k = 1 + max{u : P(U <= u) <= alpha/2} (P: exact null distribution of the
  Mann-Whitney U, computed here with Python integers), at least 1;
  otherwise k = floor(n*m/2 + 1/2 - z*sigma), z = norm.ppf(1 - alpha/2), sigma^2 = n*m*(n+m+1)/12,
  at least 1.
- Holm: statsmodels' multipletests(method="holm") written out in numpy (statsmodels is not needed).
- Mann-Whitney method choice when the Swift side passes method nil: exact when there are no ties
  and n1*n2 <= 40,000, else asymptotic; scipy is then called with that method explicitly.
- Wilcoxon signed-rank: scipy.stats.wilcoxon(d, zero_method="wilcox", correction=False, ...); W+ is
  the sum of scipy.stats.rankdata(|d|) over d > 0 after dropping zeros (scipy reports min(W+, W-)
  for two-sided tests). Method choice for method nil: exact when there are no zeros, no tied
  magnitudes and n <= 50, else asymptotic (scipy's own "auto" runs a permutation test for small
  samples with ties or zeros); scipy is then called with that method explicitly.

Pass file names (for example `wilcoxon.json`) to regenerate only those files.
"""

import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats

MASK = (1 << 64) - 1
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "PerfGateStatisticsTests", "Golden")


# MARK: - Samples

def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def generate(spec):
    stream = splitmix64(spec["seed"])
    kind, scale, offset = spec["kind"], spec["scale"], spec["offset"]
    values = []
    for _ in range(spec["count"]):
        u = (next(stream) >> 11) * 2.0**-53
        if kind == "uniform":
            values.append(offset + scale * u)
        elif kind == "integer":
            values.append(offset + scale * math.floor(u * spec["levels"]))
        elif kind == "pareto":
            values.append(offset + scale * (1.0 / (1.0 - u) - 1.0))
        else:
            raise ValueError(kind)
    return values


def sample(seed, count, kind="uniform", scale=1.0, offset=0.0, levels=0):
    """A generated sample: its description (with checks) and its values."""
    spec = {"seed": seed, "count": count, "kind": kind, "scale": scale, "offset": offset, "levels": levels}
    values = generate(spec)
    total = 0.0
    for v in values:
        total += v
    spec["check"] = {"first": values[0], "last": values[-1], "sum": total}
    return {"generator": spec}, values


def literal(values):
    return {"values": [float(v) for v in values]}, [float(v) for v in values]


def has_ties(a, b):
    pooled = np.concatenate([a, b])
    return len(np.unique(pooled)) < len(pooled)


# MARK: - Mann-Whitney U

def mann_whitney_cases():
    cases = []

    def add(name, cand, base, alternatives=("two-sided", "less", "greater"), methods=("exact", "asymptotic", None)):
        (cspec, c), (bspec, b) = cand, base
        for method in methods:
            chosen = method or ("exact" if not has_ties(c, b) and len(c) * len(b) <= 40_000 else "asymptotic")
            for alternative in alternatives:
                r = stats.mannwhitneyu(c, b, alternative=alternative, method=chosen)
                cases.append({
                    "name": f"{name} {alternative} {method or 'auto'}",
                    "candidate": cspec, "baseline": bspec, "alternative": alternative,
                    "method": method, "expectedMethod": chosen,
                    "u": float(r.statistic), "pValue": float(r.pvalue),
                })

    seed = 1000
    # Tiny samples without ties, every size pair 1..10 (a subset of pairs to keep the file small).
    for n1 in range(1, 11):
        for n2 in range(1, 11):
            if (n1 + n2) % 3 != 0 and n1 not in (1, 10) and n2 not in (1, 10):
                continue
            seed += 1
            add(f"tiny {n1}x{n2}", sample(seed, n1), sample(seed + 5000, n2, offset=0.2))
    add("hand-made separated", literal([5, 6, 7]), literal([1, 2, 3]))
    add("hand-made interleaved", literal([1, 3, 5, 7]), literal([2, 4, 6, 8, 10]))
    add("one against one", literal([2.5]), literal([1.5]))
    add("negative zero equals zero", literal([-0.0, 1.0, 2.0]), literal([0.0, -1.0]), methods=("asymptotic",))
    # Ties.
    add("ties small", sample(2001, 8, "integer", levels=4), sample(2002, 9, "integer", levels=4),
        methods=("exact", "asymptotic", None))
    add("ties medium", sample(2003, 60, "integer", levels=10), sample(2004, 45, "integer", levels=10, offset=1.0),
        methods=("asymptotic", None))
    add("all tied", literal([3.0] * 5), literal([3.0] * 7), methods=("asymptotic", None))
    add("ties half-integer u exact", literal([1, 2, 2, 3]), literal([2, 3, 4]), methods=("exact",))
    # Unequal sizes.
    add("unequal 3x200", sample(3001, 3), sample(3002, 200, offset=-0.3))
    add("unequal 17x50", sample(3003, 17, "pareto"), sample(3004, 50, "pareto", scale=1.3))
    add("unequal 1x400", sample(3005, 1, offset=0.9), sample(3006, 400))
    # Near the exact limit, 40,000 pairs.
    add("exact 200x200 small shift", sample(4001, 200), sample(4002, 200, offset=0.05))
    add("exact 200x200 large shift", sample(4003, 200), sample(4004, 200, offset=0.6))
    add("exact 200x200 disjoint", sample(4005, 200, offset=1.0), sample(4006, 200), methods=("exact", None))
    add("exact 160x250", sample(4007, 160, "pareto"), sample(4008, 250, "pareto", scale=1.2))
    add("exact 100x400", sample(4009, 100), sample(4010, 400, offset=-0.1))
    add("exact 199x201 auto asymptotic", sample(4011, 199), sample(4012, 201, offset=0.02),
        methods=("exact", None))
    # Large, asymptotic.
    add("large 20000x20000", sample(5001, 20000), sample(5002, 20000, offset=0.01), methods=("asymptotic", None))
    add("large 20000x20000 ties", sample(5003, 20000, "integer", levels=50),
        sample(5004, 20000, "integer", levels=50, offset=0.0, scale=1.0), methods=("asymptotic",))
    add("large 20000x5000 pareto", sample(5005, 20000, "pareto"), sample(5006, 5000, "pareto", scale=0.9),
        methods=("asymptotic",))
    add("large 20000x20000 tiny p", sample(5007, 20000, offset=0.1), sample(5008, 20000), methods=("asymptotic",))
    return cases


# MARK: - Hodges-Lehmann

def exact_lower_cdf(n, m):
    """P(U <= u) for u = 0..n*m, from exact integer counts (Gaussian binomial coefficients)."""
    size = n * m + 1
    c = [0] * size
    c[0] = 1
    small, large = min(n, m), max(n, m)
    for i in range(1, small + 1):
        for u in range(size - 1, large + i - 1, -1):
            c[u] -= c[u - large - i]
        for u in range(i, size):
            c[u] += c[u - i]
    total = math.comb(n + m, n)
    cdf, running = [], 0
    for count in c:
        running += count
        cdf.append(running / total)
    return cdf


def confidence_rank(n, m, confidence):
    half_alpha = (1 - confidence) / 2
    if n * m <= 40_000:
        cdf = exact_lower_cdf(n, m)
        k = sum(1 for value in cdf if value <= half_alpha)
        return max(1, k)
    z = -stats.norm.ppf(half_alpha)
    sigma = math.sqrt(n * m * (n + m + 1) / 12)
    return max(1, int(math.floor(n * m / 2 + 0.5 - z * sigma)))


def hodges_lehmann_cases():
    cases = []

    def add(name, cand, base, confidence):
        (cspec, c), (bspec, b) = cand, base
        d = np.subtract.outer(np.asarray(c), np.asarray(b)).ravel()
        n = d.size
        k = confidence_rank(len(c), len(b), confidence)
        estimate = float(np.median(d))
        d.partition([k - 1, n - k])
        cases.append({
            "name": name, "candidate": cspec, "baseline": bspec, "confidence": confidence,
            "rank": k, "estimate": estimate, "low": float(d[k - 1]), "high": float(d[n - k]),
        })
        del d

    add("one against one", literal([2.0]), literal([1.25]), 0.95)
    add("tiny full range", literal([1, 2, 3]), literal([0.5, 1.5]), 0.99)
    add("even count median", literal([1, 4]), literal([0, 2, 3]), 0.9)
    add("ties", sample(6001, 30, "integer", levels=5), sample(6002, 25, "integer", levels=5), 0.95)
    add("small exact 12x15", sample(6003, 12), sample(6004, 15, offset=0.3), 0.9)
    add("exact 200x200", sample(6005, 200), sample(6006, 200, offset=0.1), 0.99)
    add("exact 100x400 pareto", sample(6007, 100, "pareto"), sample(6008, 400, "pareto", scale=1.1), 0.95)
    add("normal 201x200", sample(6009, 201), sample(6010, 200, offset=-0.05), 0.99)
    add("normal 3000x2000 ties", sample(6011, 3000, "integer", levels=30), sample(6012, 2000, "integer", levels=30),
        0.95)
    add("normal 20000x20000", sample(6013, 20000, "pareto"), sample(6014, 20000, "pareto", offset=0.01), 0.99)
    return cases


# MARK: - Wilcoxon signed-rank

def wilcoxon_cases():
    cases = []

    def add(name, data, alternatives=("two-sided", "less", "greater"), methods=("exact", "asymptotic", None)):
        spec, d = data
        d = np.asarray(d, dtype=float)
        nonzero = d[d != 0]
        ranks = stats.rankdata(np.abs(nonzero))
        plus = float(np.sum(ranks[nonzero > 0]))
        ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
        for method in methods:
            chosen = method or ("exact" if nonzero.size == d.size and not ties and d.size <= 50 else "asymptotic")
            for alternative in alternatives:
                r = stats.wilcoxon(d, zero_method="wilcox", correction=False, alternative=alternative, method=chosen)
                cases.append({
                    "name": f"{name} {alternative} {method or 'auto'}", "differences": spec,
                    "alternative": alternative, "method": method, "expectedMethod": chosen,
                    "count": int(nonzero.size), "plusRankSum": plus, "pValue": float(r.pvalue),
                })

    add("one positive", literal([0.25]))
    add("one negative", literal([-1.5]))
    add("hand-made mixed", literal([0.5, -1.0, 2.0, 3.5, -0.25]))
    add("all positive 12", literal([float(i) for i in range(1, 13)]))
    add("all negative 20", literal([-float(i) / 7 for i in range(1, 21)]))
    seed = 9000
    for n in list(range(2, 21)) + [25, 30, 37, 44, 50]:
        seed += 1
        add(f"uniform {n}", sample(seed, n, scale=1.0, offset=-0.4))
    add("pareto 31", sample(9101, 31, "pareto", scale=0.01))
    add("exact 60 explicit", sample(9102, 60, offset=-0.45), methods=("exact", "asymptotic", None))
    add("exact 200 explicit", sample(9103, 200, offset=-0.5), methods=("exact", "asymptotic"))
    add("ties and zeros 15", sample(9201, 15, "integer", levels=7, offset=-3.0), methods=("exact", "asymptotic", None))
    add("ties and zeros 40", sample(9202, 40, "integer", levels=9, offset=-3.0), methods=("exact", "asymptotic", None))
    add("ties without zeros", literal([1.0, 1.0, -2.0, 3.0, 3.0, 3.0, 4.0, -5.0, 6.0]),
        methods=("exact", "asymptotic", None))
    add("zeros without ties", literal([0.0, 0.0, 1.0, -2.0, 3.0, 4.0, 5.0, 6.0]), methods=("exact", "asymptotic", None))
    add("large 1000", sample(9301, 1000, offset=-0.48), methods=("asymptotic", None))
    add("large 5000 ties", sample(9302, 5000, "integer", levels=11, offset=-5.0), methods=("asymptotic", None))
    add("log-ratios 13 rounds", sample(9401, 13, scale=0.2, offset=-0.02))
    return cases


# MARK: - Descriptive statistics and quantiles

PROBABILITIES = [0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]


def descriptive_cases():
    cases = []

    def add(name, data):
        spec, values = data
        a = np.asarray(values)
        mean = float(np.mean(a))
        std = float(np.std(a, ddof=1)) if a.size > 1 else 0.0
        median = float(np.median(a))
        cases.append({
            "name": name, "sample": spec,
            "quantiles": [{"p": p, "value": float(np.quantile(a, p, method="linear"))} for p in PROBABILITIES],
            "summary": {
                "count": int(a.size), "min": float(a.min()), "max": float(a.max()),
                "p50": float(np.percentile(a, 50)), "p90": float(np.percentile(a, 90)),
                "p95": float(np.percentile(a, 95)), "p99": float(np.percentile(a, 99)),
                "mean": mean, "stddev": std,
            },
            "median": median,
            "medianAbsoluteDeviation": float(np.median(np.abs(a - median))),
            "scipyMedianAbsoluteDeviation": float(stats.median_abs_deviation(a)),
            "coefficientOfVariation": (std / mean) if mean != 0 else None,
        })

    add("one value", literal([0.0125]))
    add("two values", literal([3.0, 1.0]))
    add("three values", literal([2.0, -1.0, 7.5]))
    add("ten uniform", sample(7001, 10, offset=1.0))
    add("ties", literal([1, 2, 2, 2, 3, 3, 9, 9, 9, 9, 10]))
    add("negative and positive", sample(7002, 57, scale=2.0, offset=-1.0))
    add("101 pareto", sample(7003, 101, "pareto", scale=0.001))
    add("1000 integer", sample(7004, 1000, "integer", levels=100, scale=0.5))
    add("5000 latencies", sample(7005, 5000, "pareto", scale=0.002, offset=0.01))
    add("mean zero", literal([-1.0, 1.0, -2.0, 2.0]))
    return cases


# MARK: - Holm-Bonferroni

def holm(p):
    """statsmodels.stats.multitest.multipletests(p, method="holm")[1], written out in numpy."""
    p = np.asarray(p, dtype=float)
    if p.size == 0:
        return []
    order = np.argsort(p, kind="stable")
    ordered = p[order]
    adjusted = np.maximum.accumulate(ordered * np.arange(p.size, 0, -1))
    adjusted = np.minimum(adjusted, 1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return [float(x) for x in out]


def holm_cases():
    rng = np.random.default_rng(8001)
    vectors = [
        [],
        [0.03],
        [0.01, 0.04, 0.03, 0.005],
        [0.5, 0.5, 0.5],
        [0.2, 0.001, 0.2, 0.04, 0.9, 0.0],
        [0.01, 0.02, 0.02, 0.01],
        [1.0, 0.99, 0.3],
        [float(x) for x in rng.uniform(0, 0.1, 25)],
        [float(x) for x in rng.beta(0.3, 4, 40)],
    ]
    return [{"pValues": v, "adjusted": holm(v)} for v in vectors]


# MARK: - Sample sizes and the normal distribution

def sample_size_cases():
    pairs = [(0, 5), (1, 1), (1, 5), (2, 2), (3, 3), (4, 4), (5, 7), (10, 10), (30, 30), (33, 34),
             (100, 100), (200, 200), (400, 400), (600, 600), (2, 2000), (1, 100000)]
    smallest = [{"candidateCount": a, "baselineCount": b, "pValue": min(1.0, 2 / math.comb(a + b, a))}
                for a, b in pairs]
    alphas = [2.0, 1.0, 0.5, 0.1, 0.05, 0.01, 0.001, 1e-4, 1e-6, 1e-9, 1e-20, 1e-100]
    minimum = []
    for alpha in alphas:
        n = 1
        while min(1.0, 2 / math.comb(2 * n, n)) >= alpha:
            n += 1
        minimum.append({"alpha": alpha, "count": n})
    fixed = []
    for alpha, other in [(0.05, 5), (0.01, 3), (0.001, 10), (0.01, 1), (0.5, 1), (1e-6, 2), (0.05, 30)]:
        n = 1
        while min(1.0, 2 / math.comb(n + other, n)) >= alpha:
            n += 1
        fixed.append({"alpha": alpha, "otherCount": other, "count": n})
    return {"smallestTwoSidedPValue": smallest, "minimumSampleCount": minimum, "minimumSampleCountFixedOther": fixed}


def normal_cases():
    xs = [-38.0, -30.0, -20.0, -8.5, -3.0, -1.0, -0.7, -0.3, 0.0, 0.25, 0.69, 1.5, 4.0, 9.0]
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.05, 0.3, 0.5, 0.7, 0.975, 0.995, 0.9999]
    return {
        "cdf": [{"x": x, "value": float(special.ndtr(x))} for x in xs],
        "quantile": [{"p": p, "value": float(stats.norm.ppf(p))} for p in ps],
    }


def student_t_cases():
    """scipy.stats.t.sf and .ppf; the run-level test: scipy.stats.ttest_ind(log c, log b) (pooled)."""
    survival = []
    for nu in (1, 2, 3, 4, 5, 8, 9, 14, 19, 30, 100):
        for t in (-3.0, -0.5, 0.0, 0.3, 1.0, 2.5, 4.0, 7.5, 12.0, 40.0):
            survival.append({"t": t, "nu": nu, "value": float(stats.t.sf(t, nu))})
    quantile = []
    for nu in (1, 4, 9, 30):
        for p in (0.6, 0.9, 0.975, 0.995, 0.99995):
            quantile.append({"p": p, "nu": nu, "value": float(stats.t.ppf(p, nu))})
    tests = []
    rng = np.random.default_rng(11)
    for k, r in ((2, 1), (5, 1), (5, 2), (8, 3), (20, 1)):
        b = list(map(float, np.exp(rng.normal(0, 0.05, k)) * 0.01))
        c = list(map(float, np.exp(rng.normal(0.04, 0.05, r)) * 0.01))
        if r == 1:
            lb = np.log(b)
            s = np.std(lb, ddof=1)
            t = (np.log(c[0]) - lb.mean()) / (s * math.sqrt(1 + 1 / k))
            p = 2 * stats.t.sf(abs(t), k - 1)
        else:
            res = stats.ttest_ind(np.log(c), np.log(b), equal_var=True)
            t, p = res.statistic, res.pvalue
        tests.append({"baseline": b, "candidate": c, "t": float(t), "pValue": float(p)})
    return {"survival": survival, "quantile": quantile, "runLevel": tests}


def write(name, payload):
    """Writes {"generatedWith": ..., "cases": payload} with one case (or one top-level field) per line."""
    path = os.path.join(OUT, name)
    versions = json.dumps({"numpy": np.__version__, "scipy": scipy.__version__})
    if isinstance(payload, list):
        body = "[\n" + ",\n".join(json.dumps(case) for case in payload) + "\n]"
    else:
        body = "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in payload.items()) + "\n}"
    with open(path, "w") as f:
        f.write(f'{{"generatedWith": {versions},\n"cases": {body}}}\n')
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


FILES = {
    "mann_whitney.json": mann_whitney_cases,
    "hodges_lehmann.json": hodges_lehmann_cases,
    "descriptive.json": descriptive_cases,
    "holm.json": holm_cases,
    "sample_size.json": sample_size_cases,
    "normal.json": normal_cases,
    "wilcoxon.json": wilcoxon_cases,
    "student_t.json": student_t_cases,
}


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sys.argv[1:] or list(FILES)
    for name in names:
        if name not in FILES:
            raise SystemExit(f"generate.py: unknown golden file {name}; known: {', '.join(FILES)}")
        write(name, FILES[name]())


if __name__ == "__main__":
    main()
