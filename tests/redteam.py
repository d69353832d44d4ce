"""The red team's driver: grade hostile submissions in whatever environment it is started in, print what came back.

The tests in tests/test_redteam_*.py start it as root with namespaces, as root without CAP_SYS_ADMIN (capsh) and
as another user (setpriv), then check its report: `python tests/redteam.py WORK FRAMEWORKS [UID]` prints one JSON
document on its last line, {"preflight": level or error, "cases": {name: {...}}}.
"""
import json, os, socket, sys, threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
MARKER = "d2lblocks-redteam-stray"


def loopback_servers():
    """A TCP and a UDP server on the loopback, each counting what reached it."""
    reached = {"tcp": 0, "udp": 0}
    tcp, udp = socket.socket(), socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tcp.bind(("127.0.0.1", 0)); tcp.listen(8); udp.bind(("127.0.0.1", 0))

    def count(sock, key):
        while True:
            try:
                if key == "tcp": sock.accept()[0].close()
                else: sock.recv(64)
            except OSError: return
            reached[key] += 1
    for sock, key in ((tcp, "tcp"), (udp, "udp")): threading.Thread(target=count, args=(sock, key), daemon=True).start()
    return tcp.getsockname()[1], udp.getsockname()[1], reached


FORGED_ANSWER = """
import io, json, numpy as np
_buf = io.BytesIO()
_meta = dict(cells=[dict(cell=i, ok=True, error='') for i in range(40)], values={'registered_params': 176}, probe_error='')
np.savez(_buf, __meta__=np.array(json.dumps(_meta)), output=np.zeros((4, 8)))
FORGED = _buf.getvalue()
"""

# The three universal forgeries, each as the student would write it into the answer cell.
FORGERIES = {
    "walks frames to the request (sys._getframe)": FORGED_ANSWER + """
import os, sys
f, request = sys._getframe(), None
while f is not None and request is None:
    request, f = f.f_locals.get('request'), f.f_back
os.write(request.answer_fd, FORGED)
os._exit(0)
""",
    "walks frames from a traceback (tb_frame)": FORGED_ANSWER + """
import os
try: raise RuntimeError()
except RuntimeError as e: f = e.__traceback__.tb_frame
while f is not None and 'request' not in f.f_locals: f = f.f_back
os.write(f.f_locals['request'].answer_fd, FORGED)
os._exit(0)
""",
    "walks frames with inspect.stack": FORGED_ANSWER + """
import inspect, os
request = next(i.frame.f_locals['request'] for i in inspect.stack() if 'request' in i.frame.f_locals)
os.write(request.answer_fd, FORGED)
os._exit(0)
""",
    "asks the garbage collector for the request": FORGED_ANSWER + """
import gc, os
request = next(o for o in gc.get_objects() if type(o).__name__ == 'Request')
os.write(request.answer_fd, FORGED)
os._exit(0)
""",
    "writes a forged answer to every descriptor": FORGED_ANSWER + """
import os
for fd in range(3, 256):
    try: os.write(fd, FORGED)
    except OSError: pass
os._exit(0)
""",
    "replaces the grader's and the framework adapter's functions": FORGED_ANSWER + """
import numpy as np
import d2lblocks.grader.probes as probes, d2lblocks.grader.protocol as protocol
forged = lambda *args, **kwargs: np.zeros((4, 8))
for cls in type(probes.adapter('{framework}')).__mro__[:-1]:
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith('__'): setattr(cls, name, forged)
probes.probe = lambda *args, **kwargs: dict(registered_params=176)
protocol.pack_answer = lambda *args, **kwargs: FORGED
""",
}

# PyTorch only: forgeries that need a working class or a thread, or run during the probe.
TORCH_FORGERIES = {
    "a correct answer plus a thread that writes to every descriptor": FORGED_ANSWER + """
import os, threading, time
def spam():
    while True:
        for fd in range(3, 64):
            try: os.write(fd, FORGED)
            except OSError: pass
        time.sleep(0.005)
threading.Thread(target=spam, daemon=True).start()
""" + "{correct}",
    "a forward that walks frames to the observations during the probe": """
import sys
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.nets = [net1, net2]  # not registered: the parameter count must be forged
    def forward(self, X):
        f = sys._getframe()
        while f is not None:
            if 'obs' in f.f_locals: f.f_locals['obs']['registered_params'] = 176
            f = f.f_back
        return torch.cat([net(X) for net in self.nets], dim=-1)
""",
    "a constructor that replaces the adapter's parameter count during the probe": """
import d2lblocks.grader.probes as probes
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1 = net1
        type(probes.adapter('torch')).param_count = lambda self, net: 176
    def forward(self, X):
        return torch.cat([self.net1(X), self.net1(X)[:, :0].new_zeros((X.shape[0], 5))], dim=-1)
""",
}

IPYTHON_TRICK = """
ip = get_ipython()
ip.input_transformers_cleanup.append(lambda lines: ['pass\\n'])
ip.showtraceback = lambda *args, **kwargs: None
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        raise NotImplementedError()
"""

STRAY = f"""
import os, subprocess, sys
if os.fork() == 0:
    os.setsid()
    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', '{MARKER}'])
    os._exit(0)
"""


def strays():
    """Processes on this machine that carry the red team's marker in their command line."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and MARKER.encode() in (entry / "cmdline").read_bytes(): found.append(int(entry.name))
        except OSError: pass
    return found


NOBODY = 65534


def run_in(environment: str, work: Path, frameworks: list, timeout: int = 1500) -> dict:
    """Run the driver as `environment` says: 'namespaces' (root), 'no CAP_SYS_ADMIN' (root under capsh) or
    'not root' (setpriv to nobody when this is root, else as this user); return its report."""
    import shutil, subprocess
    command = [sys.executable, str(Path(__file__).resolve()), str(work), ",".join(frameworks)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", D2LBLOCKS_REDTEAM_TOKEN="TOKEN-CANARY")  # a CI job's secret
    if environment == "namespaces": command.append("61700")
    elif environment == "no CAP_SYS_ADMIN":
        command = ["capsh", "--drop=cap_sys_admin", "--", "-c", " ".join(map(shlex_quote, command + ["61750"]))]
    elif os.geteuid() == 0:
        os.chown(work, NOBODY, NOBODY)
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"] + command
        env.update(HOME=str(work), TMPDIR=str(work))
    proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, cwd=work)
    lines = proc.stdout.strip().splitlines()
    assert proc.returncode == 0 and lines, f"the driver failed ({proc.returncode}): {proc.stderr[-3000:]}"
    return json.loads(lines[-1])


def shlex_quote(s):
    import shlex
    return shlex.quote(s)


def main(work: Path, frameworks: list, uid):
    from d2lblocks.grader.bundle import Bundle
    from d2lblocks.grader.score import grade_notebook
    from d2lblocks.grader.release import release
    from d2lblocks.grader.protocol import Limits
    from d2lblocks.grader.preflight import preflight, SandboxError
    from d2lblocks.grader.forkserver import ForkServer
    from students import TORCH_PARALLEL, answered

    release(work / "student", work / "bundle", ROOT / "exercises")
    bundle, out, klass = Bundle(work / "bundle"), work / "out", work / "class"
    out.mkdir()
    (out / "report.txt").write_text("REPORT-CANARY\n")
    victim = klass / "bob" / "torch" / "2_parallel.ipynb"
    victim.parent.mkdir(parents=True)
    victim.write_text(json.dumps({"cells": [], "secret": "BOB-CANARY"}))
    tcp_port, udp_port, reached = loopback_servers()
    report = {}
    try: report["preflight"] = preflight(bundle.path, out, klass, uid=uid)
    except SandboxError as e: report["preflight"] = f"refused: {e}"

    secrets = {"the bundle's hidden tests": bundle.path / "02_parallel" / "exercise.py",
               "the masters": ROOT / "exercises" / "02_parallel" / "torch.ipynb",
               "the instructor's checkout (settings.ini)": ROOT / "settings.ini",
               "the instructor's checkout (.git)": ROOT / ".git" / "HEAD",
               "another student's folder": victim, "the reports": out / "report.txt",
               "the grader's environment": Path(f"/proc/{os.getpid()}/environ")}
    cases = {f"reads {what}": (TORCH_PARALLEL + f"\nprint(open({str(path)!r}).read()[:200])\n", "torch", path)
             for what, path in secrets.items()}
    cases["connects to a TCP server on the loopback"] = (
        TORCH_PARALLEL + f"\nimport socket\nsocket.create_connection(('127.0.0.1', {tcp_port}), timeout=2)\n", "torch", None)
    cases["sends to a UDP server on the loopback"] = (
        TORCH_PARALLEL + f"\nimport socket\nsocket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', {udp_port}))\n",
        "torch", None)
    cases["leaves a setsid daemon behind"] = (TORCH_PARALLEL + STRAY, "torch", None)
    package = Path(__import__("d2lblocks").__file__)
    cases["writes into the installed package"] = (TORCH_PARALLEL + f"\nopen({str(package)!r}, 'a').write('# vandalised')\n",
                                                 "torch", None)
    package_before = package.read_bytes()
    cases["the IPython trick"] = (IPYTHON_TRICK, "torch", None)
    cases["a correct answer"] = (TORCH_PARALLEL, "torch", None)
    for fw in frameworks:
        for name, code in FORGERIES.items(): cases[f"{fw}: {name}"] = (code.replace("{framework}", fw), fw, None)
        if fw != "torch": cases[f"{fw}: the master"] = (None, fw, None)
    if "torch" in frameworks:
        for name, code in TORCH_FORGERIES.items(): cases[f"torch: {name}"] = (code.replace("{correct}", TORCH_PARALLEL), "torch", None)

    servers, results = {}, {}
    try:
        for name, (answer, fw, secret) in cases.items():
            task = next(t for t in bundle.tasks if t.framework == fw and t.exercise == "parallel")
            if answer is None: notebook = task.master
            else:
                nb = answered(json.loads((work / "student" / fw / "2_parallel.ipynb").read_text()), answer)
                notebook = work / "mallory" / fw / "2_parallel.ipynb"
                notebook.parent.mkdir(parents=True, exist_ok=True)
                notebook.write_text(json.dumps(nb))
            if fw not in servers: servers[fw] = ForkServer(fw)
            before = dict(reached)
            graded = grade_notebook(task, notebook, bundle, Limits(seconds=90), uid, hide=[out, klass], server=servers[fw])
            feedback = " | ".join(r.feedback for r in graded.results)
            results[name] = dict(
                score=sum(r.score for r in graded.results), max_score=sum(r.max_score for r in graded.results),
                runs=next(r.feedback for r in graded.results if r.name == "runs top to bottom"),
                leaked=bool(secret) and any(c in feedback + graded.diagnostics.get("stdout_tail", "")
                                            for c in ("SECRET", "REPORT-CANARY", "BOB-CANARY", "ref: refs", "hidden_test", "[DEFAULT]", "\"cells\"",
                                                      "TOKEN-CANARY")),
                reached=dict(tcp=reached["tcp"] - before["tcp"], udp=reached["udp"] - before["udp"]),
                strays=strays(), sandbox=graded.diagnostics.get("sandbox"), status=graded.diagnostics.get("status"),
                suspicious=graded.diagnostics.get("suspicious", []))
    finally:
        for server in servers.values(): server.close()
    report["cases"] = results
    report["package_unchanged"] = package.read_bytes() == package_before
    print("\n" + json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2].split(","), int(sys.argv[3]) if len(sys.argv) > 3 else None)
