"""Identity stage: which registry record each entry is, its permanent number and stable path.

``fingerprint`` (hashes that recognise an entry), ``registry`` (the committed
file), ``match`` (entries to records, by content), ``assign`` (numbers, paths,
removed entries). Kept free of imports here: ``sources`` reads ``rules``
before the pipeline is importable.
"""
