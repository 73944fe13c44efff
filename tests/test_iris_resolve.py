"""Every IRI the release's data mints under https://w3id.org/icpkg/ resolves: the README's
w3id.org redirect (its `.htaccess`) sends it to a file of the release in each syntax, and a
real Apache serving that `.htaccess` on loopback negotiates content — a 303 to the page,
Turtle, JSON-LD or N-Triples, 406 for what the release cannot give.

The release is published once for the module from the session's build of the repository.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import FOAF

from kgtool.release.publish import publish

from helpers import REPO, free_port, graph_difference

BASE = "https://w3id.org/icpkg/"
# A plain namespace: rdflib's closed DCAT warns when pytest inspects the module.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
# The host the README's .htaccess sends IRIs to.
README_HOST = "https://example.org/icpkg/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
SYNTAXES = {  # Accept → (the file's suffix, its media type, rdflib's name for the syntax)
    "text/turtle": (".ttl", "text/turtle", "turtle"),
    "application/ld+json": (".jsonld", "application/ld+json", "json-ld"),
    "application/n-triples": (".nt", "application/n-triples", "nt"),
}
# What the release has no file for: RDF/XML, or plain text.
NOT_ACCEPTABLE = ("application/rdf+xml", "text/plain")


@pytest.fixture(scope="module")
def release(repository_build):
    # Apache, started as root, serves as an unprivileged user (nobody), which must be able
    # to read the release and the .htaccess: so they live in a folder of the test's own
    # under the system's temporary folder, opened to every user, and removed afterwards.
    folder = Path(tempfile.mkdtemp(prefix="icpkg-w3id-"))
    try:
        published = publish(repository_build.path.parent, folder / "release", version="1.0.0")
        yield published.path
    finally:
        shutil.rmtree(folder)


@pytest.fixture(scope="module")
def minted(release) -> set[str]:
    """Every https://w3id.org/icpkg/ IRI the dumps and the description name, as subject,
    predicate, object or graph, without its fragment (which stays with the client)."""
    dataset = Dataset()
    for dump in ("icpkg.nq.gz", "icpkg-inferred.nq.gz"):
        dataset.parse(data=gzip.decompress((release / "dumps" / dump).read_bytes()), format="nquads")
    terms = [term for quad in dataset.quads((None, None, None, None)) for term in quad]
    terms += [term for triple in Graph().parse(release / "void.ttl") for term in triple]
    return {str(t).split("#")[0] for t in terms if isinstance(t, URIRef) and str(t).startswith(BASE)}


# --- the README's rules, read as mod_rewrite reads them -------------------------------------


def readme_htaccess() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```apache\n(.*?)```", readme, re.S)
    assert len(blocks) == 1, "the README should hold one Apache block: the w3id.org .htaccess"
    return blocks[0]


@dataclass(frozen=True)
class Rule:
    conditions: tuple  # (negated, pattern on the Accept header), all of which must hold
    pattern: re.Pattern
    target: str
    status: int


def rewrite_rules(htaccess: str) -> list[Rule]:
    """The subset of mod_rewrite the README uses: conditions on the Accept header, rules
    with [R=<status>,L]. Anything else fails, so the test cannot read past a rule it
    does not understand."""
    rules, conditions = [], []
    for line in htaccess.splitlines():
        words = line.split()
        if not words or words[0].startswith("#") or line in ("Options +FollowSymLinks", "RewriteEngine on"):
            continue
        if words[0] == "RewriteCond" and len(words) == 3 and words[1] == "%{HTTP_ACCEPT}":
            conditions.append((words[2].startswith("!"), re.compile(words[2].removeprefix("!"))))
        elif words[0] == "RewriteRule" and len(words) == 4 and re.fullmatch(r"\[R=\d{3},L\]", words[3]):
            rules.append(Rule(tuple(conditions), re.compile(words[1]), words[2], int(words[3][3:6])))
            conditions = []
        else:
            raise AssertionError(f"the test reads no such .htaccess line: {line}")
    return rules


def redirect(rules: list[Rule], path: str, accept: str) -> tuple[int, str | None]:
    """The status and Location mod_rewrite answers for a path below the .htaccess."""
    for rule in rules:
        match = rule.pattern.search(path)
        if match and all(bool(pattern.search(accept)) != negated for negated, pattern in rule.conditions):
            if not 300 <= rule.status < 400:
                return rule.status, None  # mod_rewrite drops the substitution
            return rule.status, re.sub(r"\$(\d)", lambda m: match.group(int(m[1])) or "", rule.target)
    return 404, None


def test_every_minted_iri_reaches_a_file_of_the_release_in_every_syntax(release, minted):
    rules = rewrite_rules(readme_htaccess())
    # The figure the README gives: ids, vocabularies, graphs, the ontology, the VoID
    # description's partitions, subsets and distributions, the download URLs.
    assert len(minted) > 1500
    kinds = set()
    for iri in sorted(minted):
        path = iri[len(BASE):]
        answers = {accept: redirect(rules, path, accept) for accept in ("", BROWSER, *SYNTAXES, *NOT_ACCEPTABLE)}
        for accept, (status, location) in answers.items():
            if status == 406:
                continue
            assert status in (302, 303) and location.startswith(README_HOST), (iri, accept, status, location)
            assert (release / location[len(README_HOST):]).is_file(), f"{iri} ({accept or 'no Accept'}) → {location}, not in the release"
        if answers[BROWSER][0] == 302:  # a file of the release, one syntax: the same file for any Accept
            assert len({location for _, location in answers.values()}) == 1, iri
            kinds.add("file")
            continue
        kinds.add(path.split("/")[0])
        assert answers[""] == answers[BROWSER] and answers[BROWSER][1].endswith(".html"), iri
        assert [answers[accept][0] for accept in NOT_ACCEPTABLE] == [406, 406], iri
        for accept, (suffix, _, _) in SYNTAXES.items():
            location = answers[accept][1]
            assert location.endswith(suffix), (iri, accept, location)
            if not path.startswith("graph/"):  # a graph's file holds its triples, which do not name it
                assert f"<{iri}>" in (release / answers["application/n-triples"][1][len(README_HOST):]).read_text(encoding="utf-8"), iri
    assert kinds == {"id", "vocab", "graph", "ontology", "dataset", "kgtool", "file"}


# --- a real Apache ------------------------------------------------------------------------

MODULES = ("mpm_event", "authz_core", "mime", "alias", "rewrite")


def apache_config(folder: Path, port: int, release: Path) -> Path:
    """One server on a loopback port: /icpkg/ is the w3id.org folder with the README's
    .htaccess, its redirects aimed at /release/, which serves the release as a static host."""
    binary = shutil.which("apache2") or "/usr/sbin/apache2"
    assert Path(binary).is_file(), "Apache is missing: install Debian's apache2 (see the README's test command)"
    modules = Path("/usr/lib/apache2/modules")
    w3id = folder / "w3id"
    (w3id / "icpkg").mkdir(parents=True)
    htaccess = readme_htaccess().replace(README_HOST, f"http://127.0.0.1:{port}/release/")
    (w3id / "icpkg" / ".htaccess").write_text(htaccess, encoding="utf-8")
    # Apache refuses to serve as root; started as root it serves as nobody.
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    config = folder / "httpd.conf"
    config.write_text(
        f'ServerRoot "{folder}"\nPidFile "{folder}/httpd.pid"\nErrorLog "{folder}/error.log"\n'
        f"Listen 127.0.0.1:{port}\nServerName 127.0.0.1\n{user}"
        + "".join(f"LoadModule {name}_module {modules}/mod_{name}.so\n" for name in MODULES)
        + "TypesConfig /etc/mime.types\n"
        f'DocumentRoot "{w3id}"\n'
        f'<Directory "{w3id}">\n  AllowOverride All\n  Require all granted\n</Directory>\n'
        f'Alias /release/ "{release}/"\n'
        f'<Directory "{release}">\n  AllowOverride None\n  Require all granted\n</Directory>\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def server(release):
    """Apache on a free loopback port, in the foreground as one process; stopped afterwards."""
    folder = release.parent / "apache"
    folder.mkdir()
    port = free_port()
    config = apache_config(folder, port, release)
    if os.geteuid() == 0:
        for path in [release.parent, *release.parent.rglob("*")]:
            path.chmod(path.stat().st_mode | (0o755 if path.is_dir() else 0o644))
    binary = shutil.which("apache2") or "/usr/sbin/apache2"
    process = subprocess.Popen([binary, "-f", str(config), "-X"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, process, folder / "error.log")
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace")
            raise AssertionError(f"Apache stopped: {output}{log.read_text() if log.exists() else ''}")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("HEAD", "/")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("Apache did not answer within 30 s")


def get(port: int, path: str, accept: str | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept": accept} if accept is not None else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def resolve(port: int, iri: str, accept: str | None) -> tuple[int, str | None, str, bytes]:
    """Ask the w3id.org folder for an IRI; follow its redirect to the release. Returns the
    redirect's status, the path it sends to, and the final answer's media type and body."""
    status, headers, body = get(port, "/icpkg/" + iri[len(BASE):].split("#")[0], accept)
    if status not in (302, 303):
        return status, None, headers.get("content-type", ""), body
    location = urlsplit(headers["location"])
    assert location.netloc == f"127.0.0.1:{port}" and location.path.startswith("/release/"), headers["location"]
    final, final_headers, final_body = get(port, location.path, accept)
    assert final == 200, (iri, accept, headers["location"], final)
    return status, location.path[len("/release/"):], final_headers["content-type"].split(";")[0], final_body


# One IRI of each kind the data mints, each checked by hand against graphs/, ontology/ and
# the description.
KINDS = {
    "document": "id/doc/gd-2023-plan",
    "numbered item": "id/task/gd-2023-plan/1",
    "paragraph": "id/task/cn-2021-plan/10-p1",
    "section": "id/section/cn-2016-guidance/1",
    "responsibility clause": "id/clause/cn-2021-plan/10-p1",
    "agency": "id/agency/gd-sasac",
    "generic actor": "id/actor/cn-relevant-industry-associations",
    "programme": "id/programme/gd-2023-plan/brand-design",
    "target": "id/target/fj-2026-plan/safeguard-4-award-cap",
    "place": "id/place/gd-shenzhen",
    "named carrier": "id/carrier/grand-canal-cultural-belt",
    "attestation": "id/attestation/cn-2021-plan-issuer",
    "text reuse": "id/reuse/cn-2021-plan/14-1",
    "heritage list": "id/doc/cn-2017-heritage-list",
    "heritage site": "id/carrier/ah-anqinghuyumeijiangyuan",
    "designation": "id/designation/ah-anqinghuyumeijiangyuan-batch-4",
    "vocabulary": "vocab/theme",
    "carrier type": "vocab/carrier-type/arts-and-crafts",
    "theme": "vocab/theme/heritage",
    "ontology": "ontology",
    "ontology term": "ontology#Task",
    "ontology version": "ontology/0.1.0",
    "named graph": "graph/gd-2023-plan",
    "interpretation graph": "graph/gd-2023-plan/interpretation",
    "dataset": "dataset",
    "subset": "dataset/graph/gd-2023-plan",
    "distribution": "dataset/distribution/icpkg.ttl",
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_iri_negotiates_html_turtle_json_ld_n_triples_and_406_on_apache(server, release, minted, kind):
    iri = BASE + KINDS[kind]
    assert iri.split("#")[0] in minted, f"{iri} is not in the data"
    for accept in (BROWSER, None, "*/*"):
        status, path, media_type, body = resolve(server, iri, accept)
        assert (status, media_type) == (303, "text/html"), (accept, path)
        if kind.startswith(("dataset", "subset", "distribution")):
            assert path == "index.html"
        else:
            assert path.endswith(".html") and iri.split("#")[0] in body.decode("utf-8"), path
    for accept, (suffix, expected, syntax) in SYNTAXES.items():
        status, path, media_type, body = resolve(server, iri, accept)
        assert (status, media_type) == (303, expected) and path.endswith(suffix), (accept, path)
        graph = Graph().parse(data=body, format=syntax, publicID=BASE)
        assert len(graph) > 0, path
        if "graph" in kind:  # a named graph's data is its triples, the same in each syntax
            written = Graph().parse(release / path.replace(suffix, ".nt"), format="nt")
            served, written = to_isomorphic(graph), to_isomorphic(written)
            assert served == written, (path, graph_difference(served, written))
        else:
            assert any(URIRef(iri.split("#")[0]) in triple for triple in graph), (path, "does not name the IRI")
    for accept in NOT_ACCEPTABLE:
        assert resolve(server, iri, accept)[0] == 406, accept


def test_the_download_urls_and_the_homepage_are_the_files_of_the_release(server, release):
    description = Graph().parse(release / "void.ttl")
    urls = sorted(str(o) for o in description.objects(None, DCAT.downloadURL))
    homepages = [str(o) for o in description.objects(None, FOAF.homepage)]
    assert len(urls) == 6 and homepages == [BASE + "index.html"]
    for url in urls + homepages:
        for accept in (BROWSER, "text/turtle", "application/rdf+xml"):
            status, path, _, body = resolve(server, url, accept)
            assert status == 302 and path == url[len(BASE):]
            assert body == (release / path).read_bytes(), url
