"""The `kgtool` command line: a thin layer over the library.

Each command parses its options, calls one library function and formats the
result. The group's options make one Session, from which each command takes the
project and the build, resolved once and only when it needs them. Expected errors
(kgtool.errors) become one line on stderr, in one place (_Group.invoke), and the exit
code their class gives (2).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from functools import cached_property

import click

from . import __version__
from .ask.formats import FORMATS, render
from .ask.queries import QUERY_TIMEOUT
from .check.shacl_engines import ENGINE_PACKAGES
from .errors import KgtoolError, OptionError
from .namespaces import BASE
from .progress import TerminalProgress
from .project import Project, find_project
from .release.ports import DEFAULT_HOST, DEFAULT_PORT
from .store.build_folder import Build, open_build

# Each command imports the rest of what it uses when it runs: `kgtool query`
# answers in a fraction of a second only if it does not first load the
# validator, the publisher and the reasoner.


class _Group(click.Group):
    def parse_args(self, ctx, args):
        # Python hands on bytes of the command line that are not UTF-8 (a GBK terminal's
        # 研学) as lone surrogates, which fail deep inside a parser or a store.
        for arg in args:
            raw = os.fsencode(arg)
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                shown = raw.decode("utf-8", "replace")
                raise click.UsageError(
                    f"the argument '{shown}' is not UTF-8 text (byte {raw[error.start]:#04x}); "
                    "set the terminal to UTF-8, or put the text in a UTF-8 file"
                ) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        # `kill` (SIGTERM) stops a command as Ctrl-C does, so the folder it was writing is
        # removed and the previous build or release stays as it was (kgtool.atomic); by
        # default it would end the process on the spot and leave the half-written folder.
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler) if main_thread else None
        try:
            return super().invoke(ctx)
        except KgtoolError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous)


@dataclass
class Session:
    """What the group's options name (`ctx.obj`), for every command. The project is
    looked for when a command first needs it, and once: `kgtool --help` needs none, and
    a command that needs one and finds none says so as it always did."""

    root: str | None
    build_dir: str | None
    quiet: bool = False

    @cached_property
    def project(self) -> Project:
        return find_project(self.root)

    def open_build(self) -> Build:
        """The last build, with a warning on stderr when the inputs changed since."""
        from .store.inputs import changed_inputs

        # With --build-dir the build is found without the project: a missing one is named first.
        build = open_build(build_dir=self.build_dir) if self.build_dir else open_build(self.project)
        changed = changed_inputs(build, self.project)
        if changed:
            shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
            click.echo(f"Warning: the build is out of date ({shown} changed since); run `kgtool build`", err=True)
        return build

    def progress(self) -> TerminalProgress:
        # Progress for a person at a terminal; pipes, logs and --quiet stay quiet.
        return TerminalProgress.for_terminal(self.quiet)


def _quiet_after_the_command(ctx, _param, quiet: bool) -> None:
    # `kgtool build -q` as well as `kgtool -q build`: a user puts it on either side.
    if quiet:
        ctx.obj.quiet = True


# On the commands that draw progress bars, besides the global option.
_quiet_option = click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_quiet_after_the_command,
                             help="No progress bars; the same as `kgtool --quiet COMMAND`.")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgtool")
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    help="The icpkg project folder (holding ontology/ and graphs/). "
    "Default: $KGTOOL_ROOT, else the nearest such folder above the working directory.",
)
@click.option(
    "--build-dir",
    type=click.Path(file_okay=False),
    help="Where the build is written and read. Default: ROOT/build.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bars (they show only at a terminal anyway).")
@click.pass_context
def main(ctx, root, build_dir, quiet):
    """kgtool — the Industrial Culture Policy Knowledge Graph (工业文化政策知识图谱).

    Builds, validates and queries a knowledge graph of China's national and
    provincial plans for industrial culture (工业文化).

    \b
    Examples:
      kgtool build                     # load ontology/ and graphs/, reason, write build/
      kgtool stats                     # figures of the last build, per document
      kgtool queries                   # the saved queries
      kgtool query documents           # run one on the last build
      kgtool query targets --format csv > targets.csv
      kgtool extract plan.docx         # draft a new plan's graph from its text
      kgtool validate                  # every document against the model and the framework
      kgtool validate my-plan.ttl --lang en
      kgtool publish                   # dumps, VoID/DCAT, HTML and checksums in dist/
      kgtool serve                     # a local SPARQL endpoint over the last build
      kgtool push --endpoint URL       # load the build into a SPARQL 1.1 store
    """
    ctx.obj = Session(root, build_dir, quiet)
    # rdflib logs a traceback for every ill-typed literal ("abc"^^xsd:decimal) it reads;
    # the shapes report such a value as a finding with its file and line, which is the
    # sentence a user needs.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


@main.command()
@click.option("--reasoner", type=click.Choice(["rules", "owlrl"]), default="rules", show_default=True,
              help="rules: kgtool's OWL 2 RL rules for what the ontology uses, in the store (fast); "
              "owlrl: the reference reasoner, for an ontology beyond those rules (slow beyond ~100k triples).")
@click.option("--full", is_flag=True,
              help="Build from scratch, even where the last build could be updated with what changed.")
@_quiet_option
@click.pass_obj
def build(session, reasoner, full):
    """Load the ontology, vocabularies and every graph, reason, and store the build.

    Each Turtle file under ontology/ and graphs/ becomes one named graph of an
    Oxigraph store in the build folder. The OWL 2 RL entailments the ontology
    uses are derived into the inferred graph beside them, so later commands
    answer without re-parsing or re-reasoning. A malformed file stops the build
    with its file and line, and the previous build is left as it was.

    When documents were added, changed or removed since the last build and the
    ontology was not, the build is updated instead: only their graphs are
    replaced and their resources reasoned about again, which gives the same
    store in seconds.

    \b
    Examples:
      kgtool build
      kgtool build --full              # from scratch, not updated
      kgtool build --reasoner owlrl    # the reference reasoner; gives the same closure
    """
    from .store.build import build as build_project

    result = build_project(session.project, session.build_dir, progress=session.progress(), reasoner=reasoner,
                           full=full)
    summary = result.summary
    changed = summary["changed"]
    how = "Built" if changed is None else f"Updated ({len(changed)} input file{'s' * (len(changed) != 1)} changed)"
    click.echo(f"{how} {result.path} in {summary['seconds']:.1f} s")
    _echo_documents(summary["per_document"])
    for label, key in (
        ("documents", "documents"),
        ("items", "items"),
        ("agencies", "agencies"),
        ("generic actors", "generic_actors"),
        ("asserted triples", "asserted_triples"),
        ("inferred triples", "inferred_triples"),
    ):
        click.echo(f"  {label:<17}{summary[key]:>9,}")
    for reason in summary["failed_queries"].values():
        click.echo(f"  a saved query that cannot be asked: {reason}")


_DOCUMENT_COLUMNS = ("document", "items", "clauses", "assignments", "programmes", "targets", "triples")


def _echo_documents(rows: list[dict]) -> None:
    """The per-document figures as a table; nothing when there are no documents."""
    if not rows:
        return
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in _DOCUMENT_COLUMNS}
    click.echo("  ".join(c.ljust(widths[c]) for c in _DOCUMENT_COLUMNS) + "  title")
    for row in rows:
        cells = [str(row[c]).ljust(widths[c]) if c == "document" else str(row[c]).rjust(widths[c])
                 for c in _DOCUMENT_COLUMNS]
        click.echo("  ".join(cells) + "  " + row["title"])


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for people, or JSON for scripts.",
)
@click.pass_obj
def stats(session, output_format):
    """Show the figures of the last build, per document, without rebuilding.

    \b
    Examples:
      kgtool stats
      kgtool stats --format json
    """
    summary = session.open_build().summary
    if output_format == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True))
        return
    _echo_documents(summary["per_document"])
    click.echo(
        f"{summary['documents']} documents, {summary['items']} items, "
        f"{summary['agencies']} agencies, {summary['generic_actors']} generic actors; "
        f"{summary['asserted_triples']:,} asserted and {summary['inferred_triples']:,} inferred triples "
        f"(built in {summary['seconds']:.1f} s)"
    )


@main.command()
@click.argument("name", required=False)
@click.pass_obj
def queries(session, name):
    """List the saved queries of queries/: name, what each answers, its columns; or,
    given a NAME, that query in full, with the values its parameters take on the build.

    \b
    Examples:
      kgtool queries
      kgtool queries tasks-by-theme
    """
    from .ask.queries import catalogue, find_query

    queries_dir = session.project.queries_dir
    if name:
        return _describe_query(session, find_query(queries_dir, name))
    queries = catalogue(queries_dir).values()
    width = max((len(query.name) for query in queries), default=0) + 2  # the longest name stays apart
    for query in queries:
        click.echo(f"{query.name:<{width}}{query.summary}")
        click.echo(f"{'':<{width}}columns: {', '.join(query.columns)}")
        for parameter in query.params:
            default = f" (default {parameter.default})" if parameter.default else " (required)"
            click.echo(f"{'':<{width}}--param {parameter.name}=…{default}: {parameter.description}")


def _describe_query(session: Session, query) -> None:
    from .ask.queries import allowed_values

    click.echo(f"{query.name}: {query.summary}\n\n{query.description}\n\ncolumns: {', '.join(query.columns)}")
    try:
        build = session.open_build() if query.params else None
        build and build.summary  # a build of another version is as good as none here
    except KgtoolError:
        build = None
    for parameter in query.params:
        default = f"default {parameter.default}" if parameter.default else "required"
        click.echo(f"\n--param {parameter.name}=…  ({parameter.kind}, {default})\n  {parameter.description}")
        values = allowed_values(build, parameter) if build else None
        if values is not None:
            click.echo(f"  values on the build: {', '.join(values)}")
        elif parameter.kind.startswith("iri:"):
            click.echo("  (run `kgtool build` to list the values it takes)")


def _parameters(pairs: tuple[str, ...]) -> dict[str, str]:
    given = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"'{pair}' is not name=value", param_hint="--param")
        given[name.strip()] = value.strip()
    return given


@main.command()
@click.argument("name", required=False)
@click.option("-e", "--sparql", "text", metavar="QUERY", help="A SPARQL query to ask instead of a saved one.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for one of the query's parameters (see `kgtool queries NAME`); repeatable.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people; csv, tsv or json for R and pandas; md for documents.",
)
@click.option("--bom", is_flag=True, help="Begin csv or tsv with a UTF-8 byte-order mark, so Excel reads Chinese right.")
@click.option("--asserted", is_flag=True, help="Answer from the asserted triples only, without the inferred closure.")
@click.option("--endpoint", metavar="URL", help="Run the query on this SPARQL 1.1 endpoint instead of the last build.")
@click.option("--timeout", default=QUERY_TIMEOUT, show_default=True, type=click.IntRange(1, 86400),
              help="Seconds the query may run, on the build or --endpoint, before it is stopped.")
@click.pass_obj
def query(session, name, text, params, output_format, bom, asserted, endpoint, timeout):
    """Ask the last build a saved query (by NAME, see `kgtool queries`), a .rq file
    (with or without a #+ header), a query on stdin (-) or one given with -e.

    The default graph is the union of the build's named graphs; ?_name variables
    are parameters (--param name=value). Updates are refused.

    \b
    Examples:
      kgtool query documents
      kgtool query responsibilities --format csv --bom > responsibilities.csv
      kgtool query my-question.rq --format json
      kgtool query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }'
      echo 'ASK { ?s ?p ?o }' | kgtool query -
      kgtool query tasks-by-theme --param theme=museums
      kgtool query documents --endpoint http://127.0.0.1:7878/query
    """
    import kgtool

    if (name is None) == (text is None):
        raise click.UsageError("give one query: a saved query's NAME, a .rq file, - for stdin, or -e 'SELECT …'")
    source = "the query given with -e"
    if name == "-":
        from .files import decode_utf8

        source = "the query on stdin"
        text = decode_utf8(source, sys.stdin.buffer.read())  # GBK on stdin: a sentence, not a traceback
    given = _parameters(params)
    where = {"endpoint": endpoint, "asserted": asserted, "timeout": timeout}
    if not endpoint:
        where["build"] = session.open_build()
    if text is None:
        # Opening the build resolved the project; with --endpoint only a saved query's name needs it.
        result = kgtool.query(name, given, root=session.root if endpoint else session.project, **where)
    else:
        result = kgtool.sparql(text, given, source=source, **where)
    click.echo(render(result, output_format, bom=bom), nl=False)


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--code", metavar="CODE", help="The document code, e.g. zj-2022-plan. Default: proposed from the "
              "text (place, year, kind).")
@click.option("--jurisdiction", metavar="NAME", help="全国, a province (浙江省, 浙江), a prefecture-level city "
              "(杭州市) or a county-level one (义乌市, 景德镇市珠山区). Default: read from the title and issuers.")
@click.option("--out", type=click.Path(file_okay=False), metavar="DIR",
              help="Write sources/, graphs/ and graphs/registry/ under DIR instead of the project.")
@click.option("--force", is_flag=True, help="Replace the files an earlier extraction of the same code wrote.")
@click.option("--review", type=click.Path(dir_okay=False), metavar="FILE.md|FILE.csv",
              help="Also write a review table: item, number, bodies and roles, targets, suggested alignments.")
@click.pass_obj
def extract(session, plan, code, jurisdiction, out, force, review):
    """Draft the graph of a plan from its text (.txt in UTF-8 or GB18030, or .docx).

    Writes the normalised text to sources/CODE.txt (every quote in the graph is
    verbatim from it), the document's graph to graphs/CODE.ttl and the bodies the
    registry lacks to graphs/registry/CODE.ttl, marked as extracted with a
    confidence. What is read in rather than off the text (carrier types, themes,
    alignments) carries its evidence. Ends with a summary to check; nothing is
    replaced without --force, and --force replaces only what an extraction made.

    \b
    Examples:
      kgtool extract zhejiang-plan.docx --review review.md
      kgtool extract plan.txt --code zj-2022-plan --jurisdiction 浙江省
      kgtool extract plan.txt --out drafts/
    """
    from .extract.review import summary_text
    from .extract.write import extract as extract_plan

    result = extract_plan(plan, code, jurisdiction, session.project, out, force, review)
    for path in result.written:
        click.echo(f"Wrote {path}", err=True)
    click.echo(summary_text(result.summary), nl=False)
    # Outside the project (--out) the new bodies are not in its registry: name their file too.
    extra = f" {result.registry}" if out is not None and result.registry else ""
    click.echo(f"Next: kgtool validate {result.graph}{extra}, then kgtool build", err=True)


@main.command()
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file is not what the sources give.")
@click.pass_obj
def register(session, check):
    """Read the national industrial heritage lists into the graph (batches 1–7).

    Reads sources/heritage/ (the verbatim lists and batches.tsv), checks each
    batch's count of sites, and writes graphs/heritage/CODE.ttl, one graph per
    batch, with the places they need at the end of graphs/places.ttl. A row that
    cannot be read is an error naming the batch and line; nothing is written then.

    \b
    Examples:
      kgtool register
      kgtool register --check
    """
    from .register.write import write_register

    project = session.project
    changed = write_register(project, check=check)
    for path in changed:
        click.echo(f"{'Differs' if check else 'Wrote'} {path.relative_to(project.root)}", err=True)
    if check and changed:
        click.echo("Error: the register's graphs are not what its sources give; run `kgtool register`", err=True)
        raise SystemExit(1)
    if not changed:
        click.echo("The register's graphs are current.", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--framework", metavar="CODE",
              help="The code of the national plan whose key tasks a provincial plan should cover. "
                   "Default: the national plan in force (of the final national plans in graphs/, "
                   "the one whose period starts last).")
@click.option("--format", "output_format", type=click.Choice(["text", "turtle", "json"]), default="text",
              show_default=True, help="text for people; turtle or json for the standard SHACL validation report.")
@click.option("--lang", "language", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the text report.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on Warnings and Infos too, not only on Violations.")
@click.option("--engine", type=click.Choice(list(ENGINE_PACKAGES)),
              help="The SHACL engine: turbo (pyshacl-turbo, fast) or pyshacl (pySHACL, the reference; "
                   "same report, ten to twenty times slower). Default: turbo, or pyshacl where a file writes "
                   "a value turbo's store would rewrite (a note on stderr says which).")
@_quiet_option
@click.pass_obj
def validate(session, files, framework, output_format, language, strict, engine):
    """Check plan graphs against the model (shapes/core.ttl) and the national framework (shapes/framework.ttl).

    With no FILES, checks every document graph of the project; with FILES, checks
    those plan graphs together with the ontology, vocabularies, registry and the
    framework's graph. Exit code 0 when there is no Violation (Warnings and Infos
    are printed but pass unless --strict), 1 when there is one, 2 on bad input.

    \b
    Examples:
      kgtool validate
      kgtool validate graphs/gd-2023-plan.ttl --lang en
      kgtool validate new-plan.ttl --format json > report.json
      kgtool validate new-plan.ttl --strict
      kgtool validate --engine pyshacl
    """
    from .check.report import machine_report, text_report
    from .check.validate import validate as validate_plans

    result = validate_plans(list(files) or None, framework=framework, root=session.project, engine=engine,
                            progress=session.progress())
    if result.engine_reason:
        click.echo(f"Note: {result.engine_reason}", err=True)
    if output_format == "text":
        click.echo(text_report(result, language), nl=False)
    else:
        click.echo(machine_report(result, output_format), nl=False)
    failed = not result.conforms or (strict and result.findings)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--out", type=click.Path(file_okay=False), help="The release folder, replaced whole. Default: ROOT/dist.")
@click.option("--base-url", default=BASE, show_default=True,
              help="Where the release folder will be hosted; download links in void.ttl point there.")
@click.option("--version", "release_version", metavar="V", help="The release's version. Default: the ontology's owl:versionInfo.")
@click.option("--issued", metavar="YYYY-MM-DD", help="The release date to state; none is written unless given.")
@click.option("--sparql-endpoint", metavar="URL", help="A public SPARQL endpoint serving this release, for void.ttl.")
@_quiet_option
@click.pass_obj
def publish(session, out, base_url, release_version, issued, sparql_endpoint):
    """Write a release of the last build: dumps, VoID/DCAT, HTML pages and checksums.

    The same build gives a byte-identical release, so a release can be rebuilt and
    checked against its SHA256SUMS.

    \b
    Examples:
      kgtool publish
      kgtool publish --out release --base-url https://example.org/icpkg/ --version 0.2.0 --issued 2026-12-01
    """
    from .release.publish import CHECKSUMS
    from .release.publish import publish as publish_release

    release = publish_release(
        session.project, out, base_url=base_url, version=release_version, issued=issued,
        sparql_endpoint=sparql_endpoint, build_dir=session.build_dir, progress=session.progress(),
    )
    click.echo(f"Published {release.path} (version {release.version}), {len(release.files)} files")
    width = max(len(dump.path) for dump in release.dumps)
    for dump in release.dumps:
        click.echo(f"  {dump.path:<{width}}  {dump.triples:>9,} triples  {dump.size:>11,} bytes")
    pages = ", ".join(f"{count} {kind}" for kind, count in release.pages.items())
    click.echo(f"  {sum(release.pages.values())} HTML pages ({pages})")
    click.echo(f"  named graphs {len(release.graphs)}; checksums in {release.path / CHECKSUMS}")


@main.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="The address to listen on; anything but loopback lets other machines in.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              help="The port to listen on.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL updates and graph store writes, on a copy of the build's store "
              "that is discarded when the server stops.")
@click.option("--timeout", default=QUERY_TIMEOUT, show_default=True, type=click.IntRange(1, 86400),
              help="Seconds a SPARQL query may run before it is stopped (503).")
@click.option("--in-memory", is_flag=True,
              help="Hold the store in memory, filled from the build as the server starts (seconds and "
              "about 1 GB per million triples): queries run several times faster than from disk.")
@click.pass_obj
def serve(session, host, port, writable, timeout, in_memory):
    """Run a local SPARQL 1.1 endpoint over the last build, with the Oxigraph server.

    The build's own Oxigraph store (BUILD/store/) is served read-only, nothing
    loaded or copied, the default graph being the union of the named graphs, as
    the saved queries expect; with --writable, a copy that is discarded on exit;
    with --in-memory, a copy in memory, filled from the build as it starts.
    A query still running after --timeout seconds is stopped and answered 503
    (Oxigraph cannot cancel a query, so its process is restarted).
    Prints the endpoint, Oxigraph's query page, and the saved queries' pages
    (/queries/: a form, the answer, CSV/TSV/JSON, a link into the query page;
    /openapi.json describes them). Ctrl-C stops it.

    \b
    Examples:
      kgtool serve
      kgtool serve --port 8000 --writable
      kgtool serve --in-memory         # faster queries, for a long session
      kgtool query documents --endpoint http://127.0.0.1:7878/query
    """
    from .release.serve import is_loopback
    from .release.serve import serve as serve_build

    build = session.open_build()
    if not is_loopback(host):
        click.echo(f"Warning: listening on {host} makes the endpoint reachable from other machines", err=True)
    try:
        with serve_build(build, session.project.queries_dir, host, port, writable, timeout,
                         in_memory) as server:
            # Ctrl-C and `kill` stop the server cleanly, even when it was started where
            # SIGINT is ignored (a script's `kgtool serve &`) — and from the moment
            # "Press Ctrl-C" is printed, so the handlers go in first.
            stops = (signal.SIGINT, signal.SIGTERM)
            previous = {number: signal.signal(number, signal.default_int_handler) for number in stops}
            try:
                _echo_server(build, server)
                server.wait()
            finally:
                for number, handler in previous.items():
                    signal.signal(number, handler)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)


def _echo_server(build, server) -> None:
    triples = build.summary["asserted_triples"] + build.summary["inferred_triples"]
    mode = "writable (a copy, discarded on exit)" if server.writable else "read-only"
    if server.in_memory:
        mode += ", in memory"
    click.echo(f"Serving the build in {build.path} ({triples:,} triples), {mode}, with Oxigraph")
    click.echo(f"  queries stop after {server.timeout:g} s (--timeout)")
    click.echo(f"  SPARQL endpoint  {server.endpoint}")
    if server.writable:
        click.echo(f"  SPARQL update    {server.update_endpoint}")
        click.echo(f"  graph store      {server.graph_store}")
    click.echo(f"  query page       {server.query_page}")
    click.echo(f"  saved queries    {server.queries_page}")
    click.echo("Press Ctrl-C to stop.")


def _credentials(user: str | None, password_env: str | None) -> tuple[str, str] | None:
    """The user and the password from the environment variable named, or None for neither."""
    if not user and not password_env:
        return None
    if not user or not password_env:
        raise OptionError("--user and --password-env go together: a user name, and the environment variable holding its password")
    if password_env not in os.environ:
        raise OptionError(f"the environment variable {password_env} named by --password-env is not set")
    return user, os.environ[password_env]


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 endpoint for queries and updates "
              "(Oxigraph: http://HOST:7878/sparql; Virtuoso: http://HOST:8890/sparql-auth; Fuseki: http://HOST:3030/DATASET).")
@click.option("--graph-store", metavar="URL",
              help="The store's SPARQL 1.1 Graph Store HTTP Protocol endpoint "
              "(Oxigraph: …/store; Virtuoso: …/sparql-graph-crud-auth). Default: the --endpoint URL, as in Fuseki.")
@click.option("--user", metavar="NAME", help="A user name for HTTP basic or digest authentication.")
@click.option("--password-env", metavar="VAR",
              help="The environment variable that holds the password of --user (a password is never an argument).")
@click.option("--replace", is_flag=True, help="Replace graphs that already hold triples; without it push refuses to.")
@click.option("--release", "release_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Push the release in DIR (its dumps/icpkg.nq.gz, as `kgtool publish` writes it) instead of the last build.")
@click.option("--timeout", default=60, show_default=True, type=click.IntRange(1, 3600),
              help="Seconds to wait for each request.")
@click.pass_obj
def push(session, endpoint, graph_store, user, password_env, replace, release_dir, timeout):
    """Load the last build's named graphs into a SPARQL 1.1 store, one graph at a time.

    Every document's graph, the ontology, the vocabularies, the registry and the
    inferred graph go to their own named graphs (…/graph/<name>). Each is loaded
    under a temporary name through the Graph Store HTTP Protocol and moved into
    place with one SPARQL Update, so a failure never leaves a graph half-replaced.

    \b
    Examples:
      kgtool push --endpoint http://127.0.0.1:7878/sparql --graph-store http://127.0.0.1:7878/store
      kgtool push --endpoint http://127.0.0.1:8890/sparql-auth --graph-store http://127.0.0.1:8890/sparql-graph-crud-auth \\
          --user dba --password-env VIRTUOSO_PASSWORD --replace
      kgtool push --release dist --endpoint http://127.0.0.1:3030/icpkg --replace   # after kgtool publish
    """
    from .release.push import build_graphs, graphs_in_release
    from .release.push import push as push_graphs

    credentials = _credentials(user, password_env)
    graphs = graphs_in_release(release_dir) if release_dir else build_graphs(session.open_build())
    width = max((len(str(iri)) for iri, _ in graphs), default=0)
    click.echo(f"Pushing {len(graphs)} graphs to {endpoint}")

    def report(pushed) -> None:
        click.echo(f"  {pushed.graph:<{width}}  {pushed.triples:>7,} triples  {pushed.seconds:5.2f} s")

    started = time.perf_counter()
    pushed = push_graphs(graphs, endpoint, graph_store, credentials, replace, timeout, on_pushed=report)
    click.echo(
        f"Pushed {len(pushed)} graphs, {sum(p.triples for p in pushed):,} triples, "
        f"in {time.perf_counter() - started:.1f} s"
    )
