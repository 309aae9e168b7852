"""Condense a task's docstring into BigCodeBench's Instruct prompt, and check what it loses.

The Instruct prompt is the docstring's description, notes, raised exceptions and returns, then
the code prompt, in the exact layout of the benchmark's converter (see `render_instruction`).
`check_task` regenerates a task's instruction and names the reason for every difference from
the stored one; `information_loss` lists what a docstring says that an instruction (rule-based
or written by anyone else) does not.

The package: `docstring` parses a BigCodeBench docstring; `render` lays out the instruction;
`reasons` names why a stored instruction differs; `loss` finds what an instruction drops;
`stage` runs the stage on a task (condense, check, apply).

For another source of instructions (an LLM, an annotator's edit), in `stage` and `loss`:

- `condense_task(task)` gives the parsed docstring and the rule-based instruction to start from
  and to show beside a candidate;
- `information_loss(doc_struct, candidate, task.entry_point)` checks the candidate the same way
  as the rule-based one;
- `apply_instruction(task, candidate, doc_struct, detail="llm", model=..., prompt_hash=...)`
  stores the accepted text with its origin in the provenance. `check_task` then reports it as
  an accepted instruction (not a difference to fix) until the docstring or code prompt changes,
  and `curator condense --write` never overwrites it.
"""
