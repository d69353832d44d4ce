"""pytest plugin: lets nbval check the notebooks as nbdev keeps them.

* nbdev_clean blanks every cell's execution count (so re-running a notebook does not produce a diff),
  while nbval treats a cell with outputs but no execution count as "unrun" and fails it. The code cells
  are numbered after nbval has read a notebook, in memory only.
* TensorFlow's and absl's C++ libraries log to the process's stderr at import. Whether that text lands in
  a cell's output depends on the runner (JupyterLab and nbconvert capture it, nbval's kernel does not),
  and it carries timestamps and process ids, so a stderr output made only of such lines is not part of
  the reference.
"""
import re
from nbval.plugin import IPyNbFile

NATIVE_LOG_LINE = re.compile(r"WARNING: All log messages before absl::InitializeLog\(\)|[IWE]\d{4} \d\d:\d\d:\d+\.\d+ +\d+ "
                             r"|To enable the following instructions:")
_nbval_collect = IPyNbFile.collect


def is_native_log(output) -> bool:
    """Whether `output` is a stderr stream holding nothing but C++ library log lines."""
    if output.get("output_type") != "stream" or output.get("name") != "stderr": return False
    return all(NATIVE_LOG_LINE.match(line) for line in output.get("text", "").splitlines() if line.strip())


def _collect_as_nbdev_keeps_them(self):
    items = list(_nbval_collect(self))
    code_cells = [c for c in self.nb.cells if c.cell_type == "code"]
    for count, cell in enumerate(code_cells, 1):
        cell.execution_count = count
        cell.outputs = [o for o in cell.outputs if not is_native_log(o)]
    return items


IPyNbFile.collect = _collect_as_nbdev_keeps_them
