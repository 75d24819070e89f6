"""Errors the index layer reports to the user."""

from __future__ import annotations


class UnreadableFile(Exception):
    """A file that holds no readable article; `reason` is one line for the user.

    `str(error)` is the reason, e.g. "binary file (PDF)" or "empty file".
    """

    def __init__(self, reason: str) -> None:
        self.reason = " ".join(reason.split()) or "unreadable file"
        super().__init__(self.reason)


class LibraryError(Exception):
    """A problem with the library or its index, with a one-line message for the user."""


class IndexChanged(LibraryError):
    """A search failed because another process committed meanwhile (a merge deletes the
    segment files of the commit the search was reading): nothing is damaged, and searching
    again reads the new commit."""
