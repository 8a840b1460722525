"""Generic, strict parsing of TOML tables into the config dataclasses.

Unknown keys, wrong types and missing required keys are collected as `ConfigError`s that name the
file, the key (as dotted TOML path) and the problem, so the admin can fix everything in one pass.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError

_TYPE_WORDS = {str: "a string", int: "a whole number", float: "a number", bool: "true or false", Path: "a path (string)"}


def toml_key(field_name: str) -> str:
    """`from_` in Python is `from` in TOML."""
    return field_name.rstrip("_")


def _describe(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is list:
        return f"a list of {_describe(typing.get_args(tp)[0]).removeprefix('a ').removeprefix('an ')}s"
    if origin is dict:
        return "a table"
    if dataclasses.is_dataclass(tp):
        return "a table"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(tp) if a is not type(None))
    return _TYPE_WORDS.get(tp, str(tp))


class Parser:
    """Parses one file's data; collects every problem instead of stopping at the first."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.base_dir = file.parent
        self.errors: list[ConfigError] = []

    def error(self, key: str, problem: str) -> None:
        self.errors.append(ConfigError(str(self.file), key, problem))

    def parse_dataclass(self, cls: type, data: Any, where: str) -> Any:
        if not isinstance(data, dict):
            self.error(where, f"must be a table, not {type(data).__name__}")
            data = {}
        hints = typing.get_type_hints(cls)
        fields = {toml_key(f.name): f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
        for key in data:
            if key not in fields:
                close = [k for k in fields if _close(k, key)]
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(sorted(fields))})"
                self.error(_join(where, key), f"unknown key{hint}")
        values: dict[str, Any] = {}
        for key, f in fields.items():
            path = _join(where, key)
            if key in data:
                values[f.name] = self.parse_value(hints[f.name], data[key], path)
            elif f.metadata.get("required"):
                self.error(path, "is required but missing")
            elif dataclasses.is_dataclass(hints[f.name]):
                values[f.name] = self.parse_dataclass(hints[f.name], {}, path)  # defaults, paths resolved
            elif hints[f.name] is Path and isinstance(f.default, Path) and not f.default.is_absolute():
                values[f.name] = self.base_dir / f.default
        try:
            return cls(**{k: v for k, v in values.items() if v is not _INVALID})
        except TypeError:
            return None  # a required value was missing or invalid; already reported

    def parse_value(self, tp: Any, value: Any, where: str) -> Any:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in typing.get_args(tp) if a is not type(None)]
            return self.parse_value(inner[0], value, where)
        if dataclasses.is_dataclass(tp):
            return self.parse_dataclass(tp, value, where)
        if origin is list:
            (item_tp,) = typing.get_args(tp)
            if not isinstance(value, list):
                self.error(where, f"must be {_describe(tp)}, not {_toml_type(value)}")
                return _INVALID
            return [self.parse_value(item_tp, v, f"{where}[{i}]") for i, v in enumerate(value)]
        if origin is dict:
            _, val_tp = typing.get_args(tp)
            if not isinstance(value, dict):
                self.error(where, f"must be a table, not {_toml_type(value)}")
                return _INVALID
            return {str(k): self.parse_value(val_tp, v, _join(where, str(k))) for k, v in value.items()}
        if tp is bool:
            if not isinstance(value, bool):
                self.error(where, f"must be true or false, not {_toml_type(value)}")
                return _INVALID
            return value
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.error(where, f"must be a whole number, not {_toml_type(value)}")
                return _INVALID
            return value
        if tp is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.error(where, f"must be a number, not {_toml_type(value)}")
                return _INVALID
            return float(value)
        if tp is str:
            if not isinstance(value, str):
                self.error(where, f"must be a string, not {_toml_type(value)}")
                return _INVALID
            return value
        if tp is Path:
            if not isinstance(value, str) or not value:
                self.error(where, f"must be a non-empty path string, not {_toml_type(value)}")
                return _INVALID
            p = Path(value).expanduser()
            return p if p.is_absolute() else (self.base_dir / p)
        raise TypeError(f"unsupported config type {tp!r}")  # a programming error, not a user error


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()


def _join(where: str, key: str) -> str:
    if not where:
        return key
    return f"{where}.{key}" if key.replace("_", "").replace("-", "").isalnum() else f'{where}."{key}"'


def _toml_type(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _close(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
