"""The direction text → graph: read a plan's text into a draft document graph.

`extract` reads a plan (.txt in any common encoding, or .docx), finds its structure,
items, responsibility clauses, bodies and targets, tags what the vocabularies' labels
name, suggests alignments with the national items, and writes the normalised source
text, the document's graph and the bodies it had to create. What it reads off the text
is stated; what it reads in carries its evidence (icp:Evidence, icp:AlignmentSuggestion).

    from kgtool.extract import extract
    result = extract("plan.docx", review="review.md")      # in a clone of icpkg
    result.summary.items, result.written                   # 14, [Path('sources/…'), …]

`draft` does the same in memory, for a notebook: `draft(read_plan(path).text,
Context.load(find_project()))` returns the graph, the registry entries and the spots
to check, writing nothing.
"""

from .draft import Context, Draft, draft
from .reading import PlanText, read_plan
from .write import Extraction, extract

__all__ = ["Context", "Draft", "Extraction", "PlanText", "draft", "extract", "read_plan"]
