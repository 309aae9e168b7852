"""The Textual app: a thin shell over the core library."""

from __future__ import annotations

from curator.bank import Bank


def run_app(bank: Bank) -> None:
    from curator.app.main import make_app

    make_app(bank).run()
