"""The public shapes: what data/ files hold and what the API serves, as pydantic models.

One claim union validates records in data/ and serves them, so the loader and the API
can never disagree about what a claim is. Nothing here knows about storage or HTTP.

Imports: nothing of ours.
"""
