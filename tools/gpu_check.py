"""The GPU check: on a machine with an NVIDIA GPU, run the GPU tests and each chapter page on the GPU; one summary.

Run by `make gpu-check` after `make install-gpu`; it can also run with any Python that has the frameworks (and
fastcore and pytest) installed: `python tools/gpu_check.py`. A framework that is not installed is reported, not
failed. On a machine without a GPU it says so and exits 0: there is nothing for it to check.
"""
import contextlib, io, json, linecache, os, shutil, subprocess, sys, time, traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from d2lblocks.core import FRAMEWORKS, chapter_page  # imports no framework

PAGES = {fw: chapter_page(fw) for fw in FRAMEWORKS}


def gpu_name() -> str:
    """The first NVIDIA GPU's name, or '' when the machine has none."""
    if shutil.which("nvidia-smi") is None: return ""
    proc = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True, text=True)
    return proc.stdout.strip().splitlines()[0] if proc.returncode == 0 and proc.stdout.strip() else ""


def run_page(framework: str) -> dict:
    """Execute the page's code cells in order in one namespace, as a kernel would; return status and the device line."""
    page = ROOT / "nbs" / PAGES[framework]
    if not page.is_file(): return dict(status="no page")
    cells = [c for c in json.loads(page.read_text())["cells"] if c["cell_type"] == "code"]
    namespace, printed, start = {"__name__": "__main__"}, io.StringIO(), time.perf_counter()
    for index, cell in enumerate(cells, 1):
        source, filename = "".join(cell["source"]), f"<{page.name} cell {index}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # TorchScript reads source
        try:
            with contextlib.redirect_stdout(printed): exec(compile(source, filename, "exec"), namespace)
        except Exception as e:
            return dict(status=f"failed in code cell {index}: {type(e).__name__}: {str(e)[-300:]}",
                        seconds=round(time.perf_counter() - start, 1))
    device = next((l for l in printed.getvalue().splitlines() if l.startswith("Running on")), "no device line printed")
    return dict(status="ran top to bottom", device=device, seconds=round(time.perf_counter() - start, 1))


def run_gpu_tests(frameworks: list) -> dict:
    """The GPU-flagged tests of tests/test_blocks.py for the installed frameworks, with pytest."""
    selection = " or ".join(frameworks)
    proc = subprocess.run([sys.executable, "-m", "pytest", "tests/test_blocks.py", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
                           "-k", f"gpu and ({selection})"], cwd=ROOT, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    return dict(returncode=proc.returncode, summary=lines[-1] if lines else proc.stderr.strip()[-300:],
                output=proc.stdout[-3000:])


def main() -> int:
    name = gpu_name()
    if not name:
        print("gpu-check: no NVIDIA GPU on this machine (nvidia-smi finds none): nothing to run here.")
        print("The CPU paths are covered by `make test`; run `make gpu-check` on a machine with a GPU.")
        return 0
    print(f"gpu-check on {name}")
    installed, results = [], {}
    for framework in PAGES:
        try:
            __import__(f"d2lblocks.{framework}")
            installed.append(framework)
        except ImportError as e:
            results[framework] = dict(status=f"not installed ({e})")
            continue
        except Exception:
            results[framework] = dict(status="import failed: " + traceback.format_exc(limit=1).strip().splitlines()[-1])
            continue
        print(f"running the {framework} page ...", flush=True)
        results[framework] = run_page(framework)
    tests = run_gpu_tests(installed) if installed else dict(returncode=5, summary="no framework installed")
    print("\n== gpu-check summary ==")
    for framework, result in results.items():
        print(f"  {framework:11} {result['status']}" + (f" in {result['seconds']} s; {result['device']}" if "device" in result else ""))
    print(f"  GPU tests:  {tests['summary']}")
    if tests["returncode"] not in (0, 5): print(tests["output"])
    failed = [f for f, r in results.items() if r["status"] not in ("ran top to bottom",) and not r["status"].startswith("not installed")]
    ok = not failed and tests["returncode"] == 0 and all("cuda" in r.get("device", "").lower() or "gpu" in r.get("device", "").lower()
                                                          for r in results.values() if "device" in r)
    print("gpu-check:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
