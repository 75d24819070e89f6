"""Reading article files into `Article` records: decoding, formats, dates, bylines, language.

The first step of the data flow (files → articles → index → results). Knows nothing of the
index: `reader.read_articles(path)` is the one way in.
"""
