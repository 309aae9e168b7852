"""LLM assistance: optional, and never in charge.

`client` speaks the OpenAI-compatible chat-completions protocol; `operations` turn one answer
into a `proposals.ProposedChange` (parsed by `parsing`, validated in the sandbox by `checking`)
that is written only when an annotator accepts it; `preeval` measures how often the model solves
a task. Prompts are plain files in `prompts/`. With no LLM configured nothing here is needed:
`curator.skeleton` and the rule-based `curator.condense` stand in.
"""
