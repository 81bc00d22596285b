"""The other renderings of a record: JSON-LD and FHIR, built from the public shapes.

Imports: records.
"""
