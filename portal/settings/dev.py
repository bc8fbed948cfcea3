"""Local development and the demo of `make run`: DEBUG is off unless DEBUG=1 is set (`make dev`),
so a mistyped address shows the portal's own 404 page in the visitor's language."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
