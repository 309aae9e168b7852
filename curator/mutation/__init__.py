"""Mutation analysis: would the tests notice a wrong solution?

    from curator.mutation import mutate_task, store_report, current_report, mark_equivalent
    report = mutate_task(task, sandbox)      # mutants of the reference, each run in the sandbox
    report.score                             # percent of non-equivalent mutants detected
    store_report(bank, report)               # mutation.json beside the task

`operators` plants the bugs, `run` runs them, `store` keeps the result and the reviewers'
equivalence marks. Our own `ast` operators rather than mutmut's or cosmic-ray's: both mutate a
project on disk and drive a test command per mutant (mutmut 3 through pytest and its own
`mutants/` tree, cosmic-ray through a session database and a parso tree); a task here is one
module run from memory in the sandbox, and neither offers slice-bound, argument-swap or
exception-type operators over a source string.
"""

from curator.mutation.operators import OPERATORS, Mutant, generate_mutants
from curator.mutation.run import mutate_task, task_mutants
from curator.mutation.store import (
    MUTATION_FILE,
    EquivalentMark,
    MutantResult,
    MutantStatus,
    MutationError,
    MutationReport,
    current_report,
    mark_equivalent,
    read_report,
    store_report,
    unmark_equivalent,
)

__all__ = [
    "MUTATION_FILE",
    "OPERATORS",
    "EquivalentMark",
    "Mutant",
    "MutantResult",
    "MutantStatus",
    "MutationError",
    "MutationReport",
    "current_report",
    "generate_mutants",
    "mark_equivalent",
    "mutate_task",
    "read_report",
    "store_report",
    "task_mutants",
    "unmark_equivalent",
]
