"""``python -m benchmarks.profile``: where extraction spends its time, cold and warm.

Cold: the first document in a fresh process (spaCy pipeline build, lexicon loading, patterns built on first
use). Warm: the same texts again in the same process, after one unmeasured pass. Prints the seconds of each,
warm docs/s (best of ``--repeat`` passes) and, with ``--top N``, the top entries of a cProfile by cumulative
and by own time. Texts: the seed TXT files and a few real-dev transcriptions (``--texts`` to choose others).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = [*sorted((ROOT / "tests" / "data" / "seeds" / "txt").glob("*.txt")),
                 *sorted((ROOT.parent / "shared" / "corpus" / "real-dev" / "txt").glob("*.txt"))[:4]]


def _stats(prof: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    for key in ("cumulative", "tottime"):
        out.write(f"--- top {top} by {key} ---\n")
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)
    return out.getvalue()


def _sampled(fn, interval: float = 0.0005) -> tuple[Counter, Counter, int]:
    """Run ``fn`` while a thread samples the main thread's stack every ``interval`` seconds: (samples per
    function anywhere on the stack, samples per innermost function of ours, total samples). Unlike cProfile it
    does not slow down small calls more than big ones."""
    main_id = threading.get_ident()
    inclusive: Counter = Counter()
    own: Counter = Counter()
    count = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal count
        while not done.is_set():
            frame = sys._current_frames().get(main_id)
            seen, innermost = set(), None
            while frame is not None:
                code = frame.f_code
                name = f"{Path(code.co_filename).name}:{code.co_firstlineno}({code.co_name})"
                if name not in seen and code.co_filename != __file__ and not name.startswith("<"):
                    seen.add(name)
                    inclusive[name] += 1
                if innermost is None and str(ROOT) in code.co_filename and code.co_filename != __file__:
                    innermost = name
                frame = frame.f_back
            if innermost:
                own[innermost] += 1
            count += 1
            time.sleep(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        fn()
    finally:
        done.set()
        t.join()
    return inclusive, own, count


def _component_seconds(parsed: list, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds of each spaCy component (and the tokenizer) over ``parsed``, unprofiled:
    cProfile inflates code made of many small calls (generator expressions) far more than regex work."""
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent: dict[str, float] = {}
        for p in parsed:
            t0 = time.perf_counter()
            doc = nlp.make_doc(p.text)
            spent["tokenizer"] = spent.get("tokenizer", 0.0) + time.perf_counter() - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", nargs="*", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--repeat", type=int, default=3, help="warm passes; the best one is reported")
    ap.add_argument("--top", type=int, default=0, help="print the top N cProfile entries (cold and warm)")
    ap.add_argument("--sample", type=int, default=0, help="sample a warm pass's stacks; print the top N")
    ap.add_argument("--components", action="store_true", help="also time each spaCy component, unprofiled")
    args = ap.parse_args(argv)

    from pipeline.backends.text import TextBackend
    from pipeline.extract import extract_document

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in args.texts]
    parsed = [TextBackend.from_string(t, name=f"{n}.txt") for n, t in texts]
    prof = cProfile.Profile() if args.top else None

    t0, c0 = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    extract_document(parsed[0])
    if prof:
        prof.disable()
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    for p in parsed[1:]:  # the unmeasured pass
        extract_document(p)
    if prof:
        print(f"=== cold: first document ({texts[0][0]}) ===")
        print(_stats(prof, args.top))

    best = best_cpu = float("inf")
    warm_prof = cProfile.Profile() if args.top else None
    for i in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        if warm_prof and i == 0:
            warm_prof.enable()
        for p in parsed:
            extract_document(p)
        if warm_prof and i == 0:
            warm_prof.disable()
        else:
            best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
    if warm_prof:
        print(f"=== warm: one pass over {len(parsed)} documents ===")
        print(_stats(warm_prof, args.top))
    chars = sum(len(t) for _, t in texts)
    if best == float("inf"):  # the only pass was profiled
        best, best_cpu = time.perf_counter() - t0, time.process_time() - c0
    if args.sample:
        inclusive, own, n = _sampled(lambda: [extract_document(p) for _ in range(args.repeat) for p in parsed])
        print(f"--- sampled warm pass ({n} samples): share of time on the stack / in our innermost function ---")
        for title, counter in (("on the stack", inclusive), ("innermost of ours", own)):
            print(f"  {title}:")
            for name, k in counter.most_common(args.sample):
                print(f"    {k / n:6.1%}  {name}")
    if args.components:
        print("--- seconds per component (one pass, best of the warm passes) ---")
        for name, sec in sorted(_component_seconds(parsed, args.repeat).items(), key=lambda kv: -kv[1]):
            print(f"{name:28} {sec:7.3f}")
    # CPU seconds too: on a shared machine they move less with the other users' load than the wall clock does
    print(f"cold first document: {cold:.2f} s ({cold_cpu:.2f} s CPU)")
    print(f"warm: {len(parsed) / best:.2f} docs/s ({len(parsed) / best_cpu:.2f} on CPU time), {chars / best:,.0f} chars/s "
          f"({len(parsed)} documents, best of {args.repeat if not warm_prof else max(args.repeat - 1, 1)} passes)")


if __name__ == "__main__":
    main()
