"""The direction text → graph: read a plan's text into a draft document graph.

`extract` (in `kgtool.extract.draft`) reads a plan (.txt in any common encoding,
or .docx), finds its structure, items, responsibility clauses, bodies and targets,
tags what the vocabularies' labels name, suggests alignments with the national
items, and writes the normalised source text, the document's graph and the
bodies it had to create. What it reads off the text is stated; what it reads in
carries its evidence (icp:Evidence, icp:AlignmentSuggestion).
"""
