"""The search engine under the front door: the Whoosh schema, the open index and its article
store, indexing (one process or several), posting-list evaluation and search.

Only `newsread.index` (the front door) and the tests use it; the UI never does.
"""
