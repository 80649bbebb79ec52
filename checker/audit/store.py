"""The result store of an audit: one SQLite file in the output folder.

    manifest(path, size, mtime_ns, hash)   what each path held when it was last read
    results(key, payload)                  the rows of one checked file (zlib-compressed JSON),
                                           keyed by content hash + suffix + rules + configuration

Only the client writes it, one transaction per finished batch: a run that is interrupted keeps
every batch that finished, and the next run checks only the rest.
"""
from __future__ import annotations

import json
import sqlite3
import zlib


class Store:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS manifest (path TEXT PRIMARY KEY, size INTEGER, "
                        "mtime_ns INTEGER, hash TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload BLOB)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def manifest(self, path: str) -> tuple[int, int, str] | None:
        row = self.db.execute("SELECT size, mtime_ns, hash FROM manifest WHERE path = ?", (path,)).fetchone()
        return tuple(row) if row else None

    def has(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def get(self, key: str) -> dict | None:
        row = self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def save(self, manifest: list[tuple[str, int, int, str]], results: list[tuple[str, dict]]) -> None:
        """One finished batch, in one transaction."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO manifest VALUES (?, ?, ?, ?)", manifest)
            self.db.executemany(
                "INSERT OR REPLACE INTO results VALUES (?, ?)",
                [(k, zlib.compress(json.dumps(p, ensure_ascii=False, separators=(",", ":")).encode(), 6))
                 for k, p in results])
