"""The theme's templates, compiled once per process and kept (a Jinja bytecode cache in memory).

MkDocs makes a new Jinja environment for every build, and the languages plugin builds each
language again, so Material's templates (about 90) were compiled anew for each: about a seventh
of a build's time. `mkdocs serve` rebuilds in the same process on every save, and so do the
tests that build in process. Jinja checks each kept template against its source (a checksum), so
an edited template is compiled again; the key also holds the settings that change how a template
compiles (`trim_blocks`, the delimiters, extensions), so two differently set environments never
share code. The key leaves out where the template lies, so a copy of the project (the tests build
dozens) reuses the code of the same source; the code is then told its own file, which Jinja
names in a template's errors. Jinja ships only file and memcached caches: a file cache would write into a
practice's project, hence this small one in memory.
"""

from __future__ import annotations

from types import CodeType
from typing import ClassVar

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


def compile_settings(env: Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    autoescape = env.autoescape if not callable(env.autoescape) else getattr(env.autoescape, "__qualname__", "callable")
    return repr((
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        sorted(env.extensions), autoescape, env.optimized, env.is_async,
    ))


class CompiledTemplates(BytecodeCache):
    """Compiled templates, kept for the life of the process, by template and compile settings."""

    kept: ClassVar[dict[str, bytes]] = {}

    def __init__(self, env: Environment) -> None:
        self.settings = compile_settings(env)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(name) + self.settings, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        here = filename or "<template>"  # what Jinja names code compiled without a file
        if bucket.code is not None and bucket.code.co_filename != here:
            bucket.code = _in_file(bucket.code, here)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.kept.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def _in_file(code: CodeType, filename: str) -> CodeType:
    """`code` as if compiled from `filename`: its functions (the template's blocks) too."""
    consts = tuple(_in_file(const, filename) if isinstance(const, CodeType) else const for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
