"""LangGraph's checkpointers, changed only where they would store something in the clear.

What each upstream saver keeps outside its serializer (and so outside our encryption), found by experiment
(tests/store/test_checkpoints.py scans every stored byte for canaries):

- All of them copy the run config into checkpoint metadata: everything in config["metadata"] and every str, int,
  float or bool in config["configurable"] (thread_id and LangGraph's own keys aside). SQLite and PostgreSQL
  store metadata as plain JSON. We keep only LangGraph's own metadata (source, step, parents...) and run_id, on
  every backend alike, so the lead can put nothing from the config into storage by accident.
- PostgreSQL keeps channel values that are None, str, int, float or bool inline in the `checkpoints.checkpoint`
  JSONB column, never through the serializer: a `letter: str` channel would sit there in the clear. Ours
  sends every channel value to `checkpoint_blobs` through the serializer instead.

Still in the clear everywhere, by design of the savers: thread ids, checkpoint namespaces, node and channel
names, versions and task ids. Thread ids must therefore carry no PHI (no phone numbers, no member ids).
"""

from __future__ import annotations

from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import ChannelVersions, Checkpoint, CheckpointMetadata
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph_checkpoint_plainredis import AsyncRedisSaver

_STORED_CONFIGURABLE = ("thread_id", "checkpoint_ns", "checkpoint_id")
# config["metadata"] keys LangGraph itself reads back from checkpoint metadata (run_id: stream reconnects).
_STORED_CONFIG_METADATA = ("run_id",)


def storage_config(config: RunnableConfig) -> RunnableConfig:
    """The config a saver is given: only what addresses the checkpoint, so none of it is copied into metadata."""
    configurable = config.get("configurable", {})
    metadata = config.get("metadata", {})
    return {
        "configurable": {k: configurable[k] for k in _STORED_CONFIGURABLE if k in configurable},
        "metadata": {k: metadata[k] for k in _STORED_CONFIG_METADATA if k in metadata},
    }


class MemoryCheckpointSaver(InMemorySaver):
    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        return super().put(storage_config(config), checkpoint, metadata, new_versions)


class SqliteCheckpointSaver(AsyncSqliteSaver):
    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        return await super().aput(storage_config(config), checkpoint, metadata, new_versions)


class RedisCheckpointSaver(AsyncRedisSaver):
    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        return await super().aput(storage_config(config), checkpoint, metadata, new_versions)


class _Sealed:
    """A primitive channel value in disguise, so the upstream saver sends it to the blobs table.

    Only `_dump_blobs` unwraps it. Should a newer upstream saver put it anywhere else, psycopg's Jsonb cannot
    encode it and the write fails rather than storing the value in the clear.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _is_inlined_upstream(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


class PostgresCheckpointSaver(AsyncPostgresSaver):
    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        sealed = checkpoint.copy()
        sealed["channel_values"] = {
            k: _Sealed(v) if _is_inlined_upstream(v) else v for k, v in checkpoint["channel_values"].items()
        }
        return await super().aput(storage_config(config), sealed, metadata, new_versions)

    def _dump_blobs(
        self,
        thread_id: str,
        checkpoint_ns: str,
        values: dict[str, Any],
        versions: ChannelVersions,
    ) -> list[tuple[str, str, str, str, str, bytes | None]]:
        unsealed = {k: v.value if isinstance(v, _Sealed) else v for k, v in values.items()}
        return super()._dump_blobs(thread_id, checkpoint_ns, unsealed, versions)
