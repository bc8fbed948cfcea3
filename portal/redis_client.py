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
        if time.monotonic() < PausingRedis.paused_until:
            raise redis.ConnectionError("Redis is paused after a failure")
        try:
            return super().execute_command(*args, **options)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            # Logged once per pause: the calls skipped meanwhile are not news.
            logger.warning("Redis failed (%s); the cache is skipped for %s s.", error, self.PAUSE)
            PausingRedis.paused_until = time.monotonic() + self.PAUSE
            raise
