"""Ways of changing the data: a curator's writes through the API, reading data/, syncing
it into the database, writing the database back out as data/, and the rules that hold
across records (checked before any of them commits).

Imports: records, store, config, errors, logs.
"""
