"""pytest plugin: lets nbval check the notebooks as nbdev keeps them.

* nbdev_clean blanks every cell's execution count (so re-running a notebook does not produce a diff),
  while nbval treats a cell with outputs but no execution count as "unrun" and fails it. The code cells
  are numbered after nbval has read a notebook, in memory only.
* TensorFlow's and absl's C++ libraries log to the process's stderr at import. Whether that text lands in
  a cell's output depends on the runner (JupyterLab and nbconvert capture it, nbval's kernel does not),
  and it carries timestamps and process ids, so a stderr output made only of such lines is not part of
  the reference.
* A cell that only calls `show_doc` renders a function's documentation for the site; nbdev keeps no output
  for it, so its output is not compared (the cell still runs, so a missing name still fails).
"""
import re
from nbval.plugin import IPyNbFile

NATIVE_LOG_LINE = re.compile(r"WARNING: All log messages before absl::InitializeLog\(\)|[IWE]\d{4} \d\d:\d\d:\d+\.\d+ +\d+ "
                             r"|To enable the following instructions:")
_nbval_collect = IPyNbFile.collect
SHOW_DOC_CALL = re.compile(r"show_doc\(.*\)$")


def is_native_log(output) -> bool:
    """Whether `output` is a stderr stream holding nothing but C++ library log lines."""
    if output.get("output_type") != "stream" or output.get("name") != "stderr": return False
    return all(NATIVE_LOG_LINE.match(line) for line in output.get("text", "").splitlines() if line.strip())


def only_show_doc(source: str) -> bool:
    """Whether a cell's code is nothing but `show_doc(...)` calls (comments and blank lines aside)."""
    lines = [l.strip() for l in source.splitlines() if l.strip() and not l.strip().startswith("#")]
    return bool(lines) and all(SHOW_DOC_CALL.match(l) for l in lines)


def _collect_as_nbdev_keeps_them(self):
    items = list(_nbval_collect(self))
    for item in items:
        if only_show_doc(item.cell.source): item.options["check"] = False
    code_cells = [c for c in self.nb.cells if c.cell_type == "code"]
    for count, cell in enumerate(code_cells, 1):
        cell.execution_count = count
        cell.outputs = [o for o in cell.outputs if not is_native_log(o)]
    return items


IPyNbFile.collect = _collect_as_nbdev_keeps_them
