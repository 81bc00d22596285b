"""Storage: the tables, the engine and its sessions, migrations, how a claim becomes rows
and rows a claim, the reads every answer is built from, the change log, and the numbers
the writers keep (counts, article-order seq, the latest revision).

Imports: records, config, errors, logs.
"""
