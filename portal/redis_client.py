"""Redis as a speed-up that may fail: see `redis_cache()` in the settings."""

import logging
import time

import redis

logger = logging.getLogger(__name__)


class PausingRedis(redis.Redis):
    """After a connection error or timeout, stop asking Redis for a few seconds.

    django-redis turns each failed call into a cache miss, but a Redis host that does not
    answer would still cost every call its timeout: about ten calls, three seconds per list
    page. Paused, only the first request of each pause waits.
    """

    PAUSE = 5.0
    paused_until = 0.0  # per process, shared by all connections

    def execute_command(self, *args, **options):
        return unless_paused(super().execute_command, *args, **options)

    def pipeline(self, transaction=True, shard_hint=None):
        # Many keys written at once (set_many: a page's offer cards) go through a pipeline.
        return PausingPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)


class PausingPipeline(redis.client.Pipeline):
    def execute(self, raise_on_error=True):
        return unless_paused(super().execute, raise_on_error)


def unless_paused(call, *args, **kwargs):
    if time.monotonic() < PausingRedis.paused_until:
        raise redis.ConnectionError("Redis is paused after a failure")
    try:
        return call(*args, **kwargs)
    except (redis.ConnectionError, redis.TimeoutError) as error:
        # Logged once per pause: the calls skipped meanwhile are not news.
        logger.warning("Redis failed (%s); the cache is skipped for %s s.", error, PausingRedis.PAUSE)
        PausingRedis.paused_until = time.monotonic() + PausingRedis.PAUSE
        raise
