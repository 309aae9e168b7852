# The hostile programs are data for tests/test_hostile.py: never import or collect them.
collect_ignore_glob = ["programs/*"]
