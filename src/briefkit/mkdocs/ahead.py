"""Briefkit's pages converted ahead by a second process, when other plugins must see the build as MkDocs alone runs it.

With another plugin or hook configured, the build runs in one process (`briefkit.mkdocs.share`
would show each plugin only half of the pages). Converting the briefings' Markdown is most of a
page's cost, and it depends on nothing a plugin keeps: the page's Markdown, its file, the site's
files and mkdocs.yml. So once MkDocs knows the pages (`on_nav`), a forked process converts every
second generated page, from its source as MkDocs reads it, and sends back what the conversion
gives (HTML, table of contents, title, anchors, links to anchors) with the messages it logged.

The build itself does not change: MkDocs runs every event for every page in this process, in its
own order. When it comes to convert one of those pages, the result sent ahead is used only if the
page's Markdown, after every plugin's `on_page_markdown`, is the very text that was converted,
and the page's file, the site's files and the Markdown extensions' settings are those it was
converted with; the messages it logged are logged here, at that moment, as the conversion would
have logged them. Otherwise the page is converted here, as it would have been. A test builds a
site with Material's search and tags plugins and an owner's hook that changes some pages'
Markdown, both ways, and compares every file.

A Markdown extension may keep what it sees for its plugin (mkdocs-autorefs, for one, records every
heading it converts, for links from other pages); what it kept in the second process would be
lost. So pages are converted ahead only when every extension is one known to keep nothing beyond
the page: Python-Markdown's own, PyMdown Extensions and Material's (`unknown_extension`).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import signal
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import IO, Any

from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from briefkit.mkdocs.converter import same_settings, settings
from briefkit.mkdocs.share import end_now
from briefkit.workers import fork_with_pipe

Converted = tuple[str, str, dict[str, Any], list[tuple[str, int, str, str, int, str]]]
"""A page's path, the digest of the Markdown converted, the page's attributes after it, its messages."""

PIPE_BYTES = 1 << 20
"""How far ahead the second process may run before it waits for the first to take its pages."""
ATTRIBUTES = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")
"""What `Converter.render` sets on a page (`links_to_anchors` only when not logging at debug level)."""
KNOWN_PACKAGES = ("markdown.extensions.", "pymdownx.", "material.")
"""Whose Markdown extensions keep nothing beyond the page they convert: the same result in any process."""


def unknown_extension(extensions: list[Any]) -> str:
    """The first of mkdocs.yml's Markdown extensions (names, or objects a plugin added) not known to
    keep nothing beyond the page, in words; "" when every one is known."""
    registered = {point.name: point.value for point in entry_points(group="markdown.extensions")}
    for extension in extensions:
        if isinstance(extension, str):
            # A name as Python-Markdown reads it: an extension's registered name ("toc"), else a module
            # ("package.module" or "package.module:Class").
            module, words = registered.get(extension, extension).split(":")[0], extension
        else:
            module = type(extension).__module__
            words = f"{type(extension).__name__} of {module}"
        if not f"{module}.".startswith(KNOWN_PACKAGES):
            return words
    return ""


def digest(markdown: str) -> str:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).hexdigest()


def _where(file: Any) -> tuple[str, str, str]:
    return (file.src_uri, file.dest_uri, file.url)


class _Messages(logging.Handler):
    """Keeps what MkDocs' loggers say while one page is converted, to be said again by the first process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class ConvertedAhead:
    """In the first process: the pages the second converts, and what it sent so far."""

    pages: set[str]
    pid: int
    incoming: IO[bytes]
    files: Any
    file_count: int
    where: dict[str, tuple[str, str, str]]
    settings: tuple[list[Any], dict[str, Any]]
    """The Markdown extensions and their options the second process converted with."""
    received: dict[str, Converted] = field(default_factory=dict)
    ended: bool = False
    used: int = 0

    @classmethod
    def start(cls, pages: list[Any], config: Any, files: Any, render: Any) -> ConvertedAhead:
        """Fork; the second process converts every second of `pages` (MkDocs' files) with `render`, then ends."""
        theirs = pages[1::2]
        pid, pipe_end = fork_with_pipe()
        if pid == 0:  # the second process: it never returns into MkDocs' build
            with contextlib.suppress(ImportError, AttributeError, OSError):  # Linux: room for more than 64 KB
                import fcntl  # noqa: PLC0415 - Unix only, as fork is

                fcntl.fcntl(pipe_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
            status = 0
            try:
                with os.fdopen(pipe_end, "wb") as outgoing:
                    _convert(theirs, config, files, render, outgoing)
            except BaseException:  # the first process converts whatever was not sent
                status = 1
            end_now(status)
        return cls(
            pages={file.src_uri for file in theirs},
            pid=pid,
            incoming=os.fdopen(pipe_end, "rb"),
            files=files,
            file_count=len(files),
            where={file.src_uri: _where(file) for file in theirs},
            settings=settings(config),
        )

    def take(self, page: Any, config: Any, files: Any) -> bool:
        """Give `page` what its conversion would give, if it was converted ahead from the same Markdown."""
        path = page.file.src_uri
        if path not in self.pages:
            return False
        while path not in self.received and not self.ended:
            try:
                message = pickle.load(self.incoming)
            except (EOFError, pickle.UnpicklingError):  # the second process ended early: this one converts
                message = None
            if message is None:
                self.ended = True
            else:
                self.received[message[0]] = message
        converted = self.received.pop(path, None)
        if (
            converted is None
            or files is not self.files
            or len(files) != self.file_count
            or _where(page.file) != self.where[path]
            or converted[1] != digest(page.markdown)
            or not same_settings(config, self.settings)
        ):
            return False
        for name, value in converted[2].items():
            setattr(page, name, value)
        for name, level, pathname, function, line, text in converted[3]:
            logger = logging.getLogger(name)
            if logger.isEnabledFor(level):
                logger.handle(logger.makeRecord(name, level, pathname, line, text, (), None, function))
        self.used += 1
        return True

    def stop(self) -> None:
        """Wait for the second process (ending it first if the build ends early)."""
        if self.pid:
            if not self.ended:
                os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            self.incoming.close()
            self.pid = 0


def _convert(pages: list[Any], config: Any, files: Any, render: Any, outgoing: IO[bytes]) -> None:
    # Whatever a conversion logs is kept, to be logged by the first process: nothing is shown here.
    messages = _Messages()
    for name in ("", "mkdocs"):
        logging.getLogger(name).handlers = [messages]
    logging.lastResort = None
    for file in pages:
        page = Page(None, file, config)
        # `Page.read_source` without `on_page_read_source`: no other plugin runs here. A plugin that
        # gives a page another source gives it other Markdown, which the first process converts itself.
        page.markdown, page.meta = get_data(file.content_string)
        markdown = page.markdown
        render(page, config, files)
        said = [
            (record.name, record.levelno, record.pathname, record.funcName, record.lineno, record.getMessage())
            for record in messages.records
        ]
        messages.records.clear()
        attributes = {name: getattr(page, name) for name in ATTRIBUTES if hasattr(page, name)}
        file.page = None  # this process's copy of the file: it keeps no page once sent
        pickle.dump((file.src_uri, digest(markdown or ""), attributes, said), outgoing, pickle.HIGHEST_PROTOCOL)
        outgoing.flush()  # the first process may be waiting for this very page
    pickle.dump(None, outgoing)
    outgoing.flush()
