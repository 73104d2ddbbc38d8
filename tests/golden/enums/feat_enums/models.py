"""Data types of Scheduling API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import uuid
from typing import Literal

import msgspec

from ._enum import OpenIntEnum, OpenStrEnum


class ApiVersion(OpenStrEnum):
    """The only API version this document describes."""

    VALUE_2024_06_01 = "2024-06-01"


class Color(OpenStrEnum):
    """A highlight color, or null for none."""

    RED = "red"
    GREEN = "green"
    BLUE = "blue"


class Delimiter(OpenStrEnum):
    """How exported CSV columns are separated; the empty string means fixed width."""

    EMPTY = ""
    COMMA = ","
    SEMICOLON = ";"
    PIPE = "|"
    TAB = "\t"


class ExportStatus(OpenStrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class ExportsListStatus(OpenStrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class Resolution(OpenStrEnum):
    VALUE_480P = "480p"
    VALUE_720P = "720p"
    VALUE_1080P = "1080p"
    VALUE_4K = "4k"


class RetryLimit(OpenIntEnum):
    """How often a failed export is retried; -1 retries forever."""

    MINUS_1 = -1
    VALUE_0 = 0
    VALUE_3 = 3
    VALUE_5 = 5


class SettingsReminder(OpenStrEnum):
    """When reminders fire; null turns them off."""

    AT_START = "at_start"
    VALUE_5M_BEFORE = "5m_before"
    VALUE_1H_BEFORE = "1h_before"


class SettingsTheme(OpenStrEnum):
    """The UI theme."""

    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


class SettingsUpdateTheme(OpenStrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


class ShortCode(OpenStrEnum):
    """Case-sensitive one-letter codes."""

    A = "a"
    A_2 = "A"
    B = "b"
    B_2 = "B"


class Timezone(OpenStrEnum):
    """An IANA time zone; the three GMT spellings are distinct values."""

    UTC = "UTC"
    GMT0 = "GMT0"
    GMT_PLUS_0 = "GMT+0"
    GMT_MINUS_0 = "GMT-0"
    EUROPE_PARIS = "Europe/Paris"


class Weekday(OpenIntEnum):
    """ISO weekday number."""

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3
    VALUE_4 = 4
    VALUE_5 = 5
    VALUE_6 = 6
    VALUE_7 = 7


class Export(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: uuid.UUID
    resolution: Resolution
    status: ExportStatus
    kind: Literal["export"] = "export"


class Settings(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    object: Literal["settings"]
    timezone: Timezone
    first_day: Weekday
    week_days: list[Weekday]
    short_code: ShortCode
    color: Color | None
    api_version: ApiVersion
    delimiter: Delimiter = Delimiter.COMMA
    theme: SettingsTheme = SettingsTheme.SYSTEM
    """The UI theme."""
    density: Literal["compact"] | None = None
    reminder: SettingsReminder | None = SettingsReminder.VALUE_5M_BEFORE
    """When reminders fire; null turns them off."""
    retries: RetryLimit = RetryLimit.VALUE_3
    export_resolution: Resolution = Resolution.VALUE_1080P


class SettingsUpdate(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    timezone: Timezone | None = None
    first_day: Weekday = Weekday.VALUE_1
    color: Color | msgspec.UnsetType | None = msgspec.UNSET
    theme: SettingsUpdateTheme | None = None
