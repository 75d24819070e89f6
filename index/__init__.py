"""newsread's library: reading article files, the Whoosh index, search and annotations.

Nothing in this package imports Textual; the UI calls it, never the reverse.
"""
