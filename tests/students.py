"""What the grader's tests share: a right PyTorch answer to the parallel exercise, the visibilities Gradescope
knows, and a student's copy of a released notebook with an answer written into it."""
import textwrap
from d2lblocks.grader.notebook import is_answer

TORCH_PARALLEL = """
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=-1)
"""

GRADESCOPE_VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}


def answered(notebook: dict, answer: str) -> dict:
    """`notebook` (as released: one cell tagged `answer`) with `answer` written into that cell, in place."""
    cells = [c for c in notebook["cells"] if is_answer(c)]
    assert len(cells) == 1, f"expected one answer cell, found {len(cells)}"
    cells[0]["source"] = textwrap.dedent(answer)
    return notebook
