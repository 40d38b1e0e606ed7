"""The `dealcheck` command: parse options, call the core, render. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from dataclasses import fields
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

# Shell completion is typer's (0.28, pinned), and so is the click it vendors as a private module: `import typer`
# has already imported these.
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.shell_completion import CompletionItem, ShellComplete, get_completion_class
from typer._completion_classes import completion_init
from typer._completion_shared import get_completion_script

from . import __version__
from .commands import COLORS, DEFAULTS, FORMATS, LANGS, SUBCOMMANDS, CheckOptions, run_guarded, warn
from .errors import DealcheckError, ExitCode
from .model import CLAIM_VERDICTS
from .printable import printable

HELP = {"help_option_names": ["-h", "--help"]}
check_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=HELP)
claims_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, no_args_is_help=True, context_settings=HELP,
    help="Browse and validate a claim base.",
)
cache_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, no_args_is_help=True, context_settings=HELP,
    help="See or empty the cache of compiled claim bases and embeddings.",
)
config_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=HELP,
)
completion_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=HELP,
)
scan_app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=HELP,
)
APPS = {"claims": claims_app, "cache": cache_app, "config": config_app, "completion": completion_app, "scan": scan_app}
assert tuple(APPS) == SUBCOMMANDS, "entry.py sends these names here: one list"
PROG = "dealcheck"
# Set by the completion script when the shell asks what may follow the words typed so far.
COMPLETE_VAR = "_DEALCHECK_COMPLETE"

# The choices come from commands.py, which configuration files are checked against too.
Format = Enum("Format", {v: v for v in FORMATS}, type=str)  # type: ignore[misc]
Lang = Enum("Lang", {v: v for v in LANGS}, type=str)  # type: ignore[misc]
Color = Enum("Color", {v: v for v in COLORS}, type=str)  # type: ignore[misc]

# The enum forms of CheckOptions' defaults, which typer shows in --help.
DEFAULT_FORMAT, DEFAULT_COLOR, DEFAULT_LANG = Format(DEFAULTS.fmt), Color(DEFAULTS.color), Lang(DEFAULTS.lang)

SemanticOption = Annotated[
    Optional[bool],
    typer.Option(
        "--semantic/--no-semantic",
        help="Re-rank close candidates by meaning with the semantic extra (default: on when it is installed).",
        show_default=False,
    ),
]
ClaimsOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--claims", "-c", envvar="DEALCHECK_CLAIMS", show_default=False,
        help="Claim base to use (default: the bundled one); repeat it to merge several bases.",
    ),
]
MaxSizeOption = Annotated[
    Optional[str],
    typer.Option("--max-size", help="Largest file read whole (claim base, review, rating map, Markdown/HTML/reST/Word document, a URL's page), e.g. 64M (default: 64M).", show_default=False),
]
ConfigOption = Annotated[
    Optional[str],
    typer.Option(
        "--config", metavar="<file>", show_default=False,
        help="Configuration file to use (default: the nearest .dealcheck.yaml, .dealcheck.yml or pyproject.toml with [tool.dealcheck], going up).",
    ),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", "--isolated", help="Read no configuration file.")]


def _version(value: bool) -> None:
    if value:
        print(f"dealcheck {__version__}")
        raise typer.Exit()


@check_app.command(
    help=(
        "Check statements, files, folders or stdin against the claim base.\n\n"
        "An argument that is an existing path is read as a file (folders are walked); an http:// or https:// URL is fetched "
        "and read as a document; '-' reads stdin; anything else is a statement. With no argument, piped stdin is read.\n\n"
        "Folders are walked for --glob patterns, leaving out what .gitignore, .ignore and --exclude name. Options "
        "not given here come from $DEALCHECK_CLAIMS, then from .dealcheck.yaml or pyproject.toml [tool.dealcheck].\n\n"
        "Exit codes: 0 no finding at the fail level, 1 findings at the fail level, 2 usage, input or claim-base error.\n\n"
        "Other commands: 'dealcheck claims list|show|validate|export|import' to browse, check and convert a claim base; "
        "'dealcheck cache info|clear' for the cache; 'dealcheck config' for the options in force; "
        "'dealcheck completion bash|zsh|fish' for shell completion; 'dealcheck scan PATTERN… -o FOLDER' for an archive on a "
        "Dask cluster (each has --help)."
    )
)
def check(
    ctx: typer.Context,
    args: Annotated[Optional[list[str]], typer.Argument(help="Statements, files, folders, URLs, or '-' for stdin.", show_default=False)] = None,
    claims: ClaimsOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = DEFAULT_FORMAT,
    color: Annotated[Color, typer.Option("--color", help="Colour in text output (NO_COLOR is honoured).")] = DEFAULT_COLOR,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Judge as of this date, YYYY-MM-DD (default: today).", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Also list the N best candidate claims with their scores.")] = DEFAULTS.top,
    report_all: Annotated[bool, typer.Option("--all", help="Report every sentence, 'unknown' for those that match nothing.")] = DEFAULTS.report_all,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of verdict labels and messages; auto follows each sentence.")] = DEFAULT_LANG,
    globs: Annotated[
        Optional[list[str]],
        typer.Option(
            "--glob", "-g", show_default=False,
            help="File pattern for folders (repeatable); default: *.txt *.md *.markdown *.rst *.html *.htm. '!PATTERN' excludes, like --exclude.",
        ),
    ] = None,
    exclude: Annotated[
        Optional[list[str]],
        typer.Option("--exclude", metavar="<pattern>", help="Leave out what this gitignore-style pattern matches, relative to each folder walked (repeatable).", show_default=False),
    ] = None,
    no_ignore: Annotated[bool, typer.Option("--no-ignore", help="Walk folders without reading .gitignore, .ignore and .git/info/exclude.")] = DEFAULTS.no_ignore,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for large inputs (default: all cores; capped at the cores).", show_default=False)] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="Comma-separated verdicts that make the exit code 1.")] = DEFAULTS.fail_on,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings at the fail level.")] = DEFAULTS.exit_zero,
    semantic: SemanticOption = None,
    max_size: MaxSizeOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line and no progress bar: only findings (and errors).")] = DEFAULTS.quiet,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Text output: citations' quotes whole, not cut to two lines.")] = DEFAULTS.verbose,
    statistics: Annotated[bool, typer.Option("--statistics", help="Counts by verdict and claim instead of the findings.")] = DEFAULTS.statistics,
    stdin_filename: Annotated[
        Optional[str],
        typer.Option("--stdin-filename", help="Name of stdin in findings; its extension says how it is read (.md, .html, .rst; default: sniffed).", show_default=False),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = DEFAULTS.no_config,
    show_config: Annotated[bool, typer.Option("--show-config", help="Show the options in force and where each came from, and check nothing.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    from .commands import run_check
    from .config import describe, settle

    asked = CheckOptions(
        claims=tuple(claims or ()), fmt=fmt.value, color=color.value, as_of=as_of, top=top, report_all=report_all,
        lang=lang.value, globs=tuple(globs or ()), exclude=tuple(exclude or ()), no_ignore=no_ignore, jobs=jobs,
        fail_on=fail_on, exit_zero=exit_zero, semantic=semantic, max_size=max_size, quiet=quiet, verbose=verbose, statistics=statistics,
        stdin_filename=stdin_filename, config=config, no_config=no_config,
    )
    # The parser's own record of what was typed: a flag that repeats the default still beats the configuration
    # file. The source is compared by name: typer 0.28 vendors click as a private module.
    given = {f.name for f in fields(CheckOptions) if getattr(ctx.get_parameter_source(f.name), "name", None) == "COMMANDLINE"}
    settled = settle(asked, given)
    if show_config:
        print("\n".join(map(printable, describe(settled))))
        return
    code = run_check(args or [], settled.options)
    if code:
        raise typer.Exit(code)


class ListFormat(str, Enum):
    text = "text"
    json = "json"


# The choices of `claims list --verdict`: the verdicts a claim can have, from the one table of them.
ClaimVerdict = Enum("ClaimVerdict", {v: v for v in CLAIM_VERDICTS}, type=str)  # type: ignore[misc]


@claims_app.command("list", help="One line per claim: id, verdict, dates and text.")
def claims_list(
    search: Annotated[Optional[str], typer.Argument(help="Only claims whose id, text or paraphrases contain this.", show_default=False)] = None,
    claims: ClaimsOption = None,
    verdict: Annotated[Optional[ClaimVerdict], typer.Option("--verdict", help="Only claims with this verdict.", show_default=False)] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")] = ListFormat.text,
    max_size: MaxSizeOption = None,
) -> None:
    from . import claimbase
    from .commands import parse_size
    from .curate import list_claims
    from .formats.claims import claim_list

    found = list_claims(claimbase.load(claims, max_bytes=parse_size(max_size)), search, verdict.value if verdict else None)
    if found or fmt is ListFormat.json:
        print(claim_list(found, fmt.value))


@claims_app.command("show", help="Everything about one claim, with its citations.")
def claims_show(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id.")],
    claims: ClaimsOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")] = ListFormat.text,
    max_size: MaxSizeOption = None,
) -> None:
    from . import claimbase
    from .commands import parse_size
    from .formats.claims import claim_detail

    base = claimbase.load(claims, max_bytes=parse_size(max_size))
    claim = base.by_id.get(claim_id)
    if claim is None:
        raise DealcheckError(f"no claim with id {claim_id!r} in {base.path} (see 'dealcheck claims list')")
    print(claim_detail(claim, fmt.value))


@claims_app.command("validate", help="Check the schema and references, then run every example through the matcher (exit 1 on a failing example).")
def claims_validate(
    path: Annotated[Optional[Path], typer.Argument(help="Claim base to validate (default: --claims, else the bundled one).", show_default=False)] = None,
    claims: ClaimsOption = None,
    semantic: SemanticOption = None,
    max_size: MaxSizeOption = None,
) -> None:
    from . import claimbase
    from .commands import parse_size, use_semantic
    from .curate import counts, run_examples

    on = use_semantic(semantic)
    base = claimbase.load([path] if path else claims, max_bytes=parse_size(max_size))  # only a valid base is cached
    ran, failures = run_examples(base, semantic=on)
    for failure in failures:
        print(printable(failure.describe(base.path)))
    n = counts(base)
    print(printable(
        f"{base.path}: {n['claims']} claims, {n['paraphrases']} paraphrases, {n['variants']} variants, "
        f"{n['sources']} sources; {ran - len(failures)}/{ran} examples pass"
    ))
    if failures:
        raise typer.Exit(ExitCode.FINDINGS)


class ExportFormat(str, Enum):
    claimreview = "claimreview"
    yaml = "yaml"
    json = "json"


OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (default: stdout).", show_default=False)]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")]


@claims_app.command("export", help="Write the claim base as schema.org ClaimReview JSON-LD, or as YAML or JSON in dealcheck's own format.")
def claims_export(
    claims: ClaimsOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="claimreview, yaml or json.")] = ExportFormat.claimreview,
    author: Annotated[str, typer.Option("--author", help="ClaimReview author (the organisation publishing the reviews).")] = "dealcheck",
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="Page that will host the reviews; each review's url is BASE_URL#ID (default: urn:dealcheck:ID).", show_default=False)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    max_size: MaxSizeOption = None,
) -> None:
    import json

    from . import claimbase, claimreview, serialise
    from .commands import parse_size
    from .render import write_text

    base = claimbase.load(claims, max_bytes=parse_size(max_size))
    if fmt is ExportFormat.claimreview:
        text = json.dumps(claimreview.export(base, author=author, base_url=base_url), ensure_ascii=False, indent=2) + "\n"
    elif fmt is ExportFormat.json:
        text = json.dumps(serialise.to_data(base), ensure_ascii=False, indent=2) + "\n"
    else:
        text = serialise.to_yaml(serialise.to_data(base))
    write_text(text, output, force)


@claims_app.command("import", help="Build a claim base from ClaimReview JSON-LD files, HTML pages with JSON-LD, or Fact Check Tools API responses. Exit 1 if some ratings could not be mapped.")
def claims_import(
    files: Annotated[list[Path], typer.Argument(help="JSON, JSON-LD or HTML files.", show_default=False)],
    output: OutputOption = None,
    force: ForceOption = False,
    rating_map: Annotated[Optional[Path], typer.Option("--rating-map", help="YAML or JSON mapping of rating texts to verdicts, added to the built-in table.", show_default=False)] = None,
    max_size: MaxSizeOption = None,
) -> None:
    from .commands import parse_size
    from .curate import import_claim_reviews
    from .inputs import MAX_FILE_BYTES

    result = import_claim_reviews(files, rating_map, parse_size(max_size) or MAX_FILE_BYTES, output, force)
    sys.stderr.write(f"imported {result.imported} of {result.reviews} reviews\n")
    if result.unmapped:
        warn(result.skipped())
        raise typer.Exit(ExitCode.FINDINGS)


@config_app.command(help="Show the check options in force, each with where it came from: command line, environment, configuration file or default. 'dealcheck --show-config OPTIONS…' shows the same with check options given.")
def config_show(config: ConfigOption = None, no_config: NoConfigOption = False) -> None:
    from .config import describe, settle

    print("\n".join(map(printable, describe(settle(CheckOptions(config=config, no_config=no_config))))))


@cache_app.command("info", help="Where the cache is, how big, and whether it is used.")
def cache_info(fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")] = ListFormat.text) -> None:
    from . import cache

    found = cache.info()
    if fmt is ListFormat.json:
        import json

        print(json.dumps(found, indent=2))
        return
    state = "yes" if found["usable"] else ("not yet made" if not found["exists"] else "no: the folder is not yours alone")
    print(printable(f"directory: {found['directory']}"))
    print(f"entries:   {found['entries']} ({found['bytes'] / 2**20:.1f} MiB; the oldest go past {found['max_bytes'] // 2**20} MiB)")
    print(f"used:      {state}")


@cache_app.command("clear", help="Remove every cache entry (they are rebuilt when next needed).")
def cache_clear() -> None:
    from . import cache

    print(printable(f"removed {cache.clear()} entries from {cache.directory()}"))


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@completion_app.command(
    help=(
        "Print the completion script for bash, zsh or fish. For instance, in ~/.bashrc: "
        "eval \"$(dealcheck completion bash)\"; in ~/.zshrc, after compinit: eval \"$(dealcheck completion zsh)\"; "
        "for fish: dealcheck completion fish > ~/.config/fish/completions/dealcheck.fish"
    )
)
def completion(shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", show_default=False)]) -> None:
    print(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell.value))


@scan_app.command(
    help=(
        "Check an archive on a Dask cluster (the dask extra): the files PATTERNS name, local globs ('archive/**/*.jsonl.gz') "
        "or fsspec URLs (s3://…), gzip and other compressions included. Plain text, Markdown, HTML and reST are read by their "
        "extension, as the check command reads them; in .jsonl and .ndjson files each line is a record whose --text-field is "
        "a document named FILE:recordN (N its line). Findings go to OUTPUT/part-NNNNN.jsonl, the lines of --format jsonl, "
        "and counts to OUTPUT/summary.json. Exit codes as for the check command."
    )
)
def scan(
    patterns: Annotated[list[str], typer.Argument(help="Files or patterns (quote them: scan expands them itself, '**' included).", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", metavar="<folder>", help="Folder for the findings (made if need be; refused if not empty, unless --force).", show_default=False)],
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="<address>", help="Address of a running Dask scheduler, e.g. tcp://host:8786 (default: a cluster on this machine).", show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes of the cluster on this machine (default: one per core).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty, replacing an earlier run's files.")] = False,
    text_field: Annotated[str, typer.Option("--text-field", metavar="<field>", help="The field holding a JSON Lines record's text.")] = "text",
    claims: ClaimsOption = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Judge as of this date, YYYY-MM-DD (default: today).", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Also list the N best candidate claims with their scores.")] = DEFAULTS.top,
    report_all: Annotated[bool, typer.Option("--all", help="Report every sentence, 'unknown' for those that match nothing.")] = DEFAULTS.report_all,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of verdict labels and messages; auto follows each sentence.")] = DEFAULT_LANG,
    fail_on: Annotated[str, typer.Option("--fail-on", help="Comma-separated verdicts that make the exit code 1.")] = DEFAULTS.fail_on,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings at the fail level.")] = DEFAULTS.exit_zero,
    semantic: SemanticOption = None,
    max_size: MaxSizeOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")] = DEFAULTS.quiet,
) -> None:
    from .scan import ScanOptions, run_scan

    asked = ScanOptions(
        output=output, scheduler=scheduler, workers=workers, force=force, text_field=text_field, claims=tuple(claims or ()),
        as_of=as_of, top=top, report_all=report_all, lang=lang.value, fail_on=fail_on, exit_zero=exit_zero, semantic=semantic,
        max_size=max_size, quiet=quiet,
    )
    code = run_scan(patterns, asked)
    if code:
        raise typer.Exit(code)


def _route(argv: list[str]) -> tuple[Any, list[str], str]:
    """The command that `argv` goes to, its own arguments, and its name in messages.

    Options may come before a command's name, as with git or ruff (`dealcheck -c base.yaml claims list`):
    they are given to the command after its own words, and the command says so if it has no such option.
    """
    check = typer.main.get_command(check_app)
    at = _first_word(check, argv)
    if at is not None and argv[at] in APPS:
        rest = argv[at + 1:]
        end = rest.index("--") if "--" in rest else len(rest)
        return typer.main.get_command(APPS[argv[at]]), [*rest[:end], *argv[:at], *rest[end:]], f"{PROG} {argv[at]}"
    return check, argv, PROG


def _first_word(command: Any, argv: list[str]) -> int | None:
    """Where the first argument that is not an option (nor an option's value) is in `argv`."""
    takes_value = {name for p in command.params if p.param_type_name == "option" and not p.is_flag and not p.count for name in p.opts}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return None
        if word == "-" or not word.startswith("-"):
            return i
        i += 2 if word in takes_value else 1
    return None


class _Routed(ShellComplete):
    """A completion request answered by the command the words typed so far go to, as `main` would send them.

    Mixed into the shell's own class (`complete`), which reads the words and writes the answer its way.
    """

    words: tuple[list[str], str] = ([], "")
    commands: tuple[str, ...] = ()  # offered too: the first word can be a command's name

    def get_completion_args(self) -> tuple[list[str], str]:
        return self.words

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        named = [CompletionItem(name) for name in self.commands if name.startswith(incomplete)]
        return named + super().get_completions(args, incomplete)


def complete(instruction: str) -> int:
    """Answer the shell's completion request, `complete_bash`, `complete_zsh` or `complete_fish`."""
    completion_init()
    action, _, shell = instruction.partition("_")
    shell_class = get_completion_class(shell) if action == "complete" and shell in Shell.__members__ else None
    if shell_class is None:
        raise DealcheckError(f"${COMPLETE_VAR}: {instruction!r} is not complete_bash, complete_zsh or complete_fish")
    typed, incomplete = shell_class(typer.main.get_command(check_app), {}, PROG, COMPLETE_VAR).get_completion_args()
    command, args, prog = _route(typed)
    request = type("Request", (_Routed, shell_class), {})(command, {}, prog, COMPLETE_VAR)
    request.words = (args, incomplete)
    request.commands = SUBCOMMANDS if not typed and not incomplete.startswith("-") else ()
    print(request.complete())
    return ExitCode.OK


def main(argv: list[str] | None = None) -> None:
    """The option parser's entry: `dealcheck claims …` and `dealcheck cache …` go to their commands, anything else is checked."""
    argv = sys.argv[1:] if argv is None else argv
    if COMPLETE_VAR in os.environ:
        run_guarded(lambda: complete(os.environ[COMPLETE_VAR]))
    command, args, prog = _route(argv)

    def parse_and_run() -> int:
        try:
            # make_context and invoke, not command.main: main would turn a closed stdout into exit 1
            # and Ctrl-C into a silent 130, where run_guarded gives every command the same answer.
            with command.make_context(prog, list(args)) as ctx:
                code = command.invoke(ctx)
        except typer.Exit as exc:
            return exc.exit_code
        except NoArgsIsHelpError as exc:  # `dealcheck claims` alone: its help
            sys.stderr.write(exc.format_message().rstrip() + "\n")
            return ExitCode.ERROR
        except typer.TyperException as exc:  # usage errors: bad option, missing argument
            message = " ".join(exc.format_message().split())  # a missing choice lists the choices a line each
            raise DealcheckError(f"{message} (see '{prog} --help')") from None
        except typer.Abort:
            raise KeyboardInterrupt from None
        return code if isinstance(code, int) else ExitCode.OK

    run_guarded(parse_and_run)
