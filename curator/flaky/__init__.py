"""Flaky-test detection: rerun a task's suite under a plan that varies one thing at a time,
classify each test from the run matrix, and keep the evidence and flags with the task."""
