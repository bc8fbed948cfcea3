"""`make backup` writes a dump that restores into an empty database with every offer and translation."""

import subprocess
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from offers.factories import OfferFactory

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_backup_restores_into_an_empty_database(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("backups are for the PostgreSQL production database (runs in the PostgreSQL CI pass)")
    OfferFactory(title_de="Sicherungskurs", title_ar="دورة النسخ الاحتياطي", title_uk="Курс резервування")
    settings = connection.settings_dict
    source = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
    result = subprocess.run(
        ["make", "--no-print-directory", "backup", f"BACKUP_DIR={tmp_path}", f"DATABASE_URL={source}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    dump = Path(result.stdout.strip().splitlines()[-1])
    assert dump.exists() and dump.name.startswith("welkommin-")

    target = f"restore_check_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"], dbname="postgres"
    )
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                f"--dbname=postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{target}",
                str(dump),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        restored = psycopg2.connect(
            host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"], dbname=target
        )
        with restored, restored.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM offers_offer")
            count = cursor.fetchone()[0]
            cursor.execute("SELECT title_ar, title_uk FROM offers_offer WHERE title_de = 'Sicherungskurs'")
            titles = cursor.fetchone()
            cursor.execute("SELECT count(*) FROM municipalities_municipality")
            towns = cursor.fetchone()[0]
        restored.close()
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.close()
    from offers.models import Offer

    assert count == Offer.objects.count()
    assert titles == ("دورة النسخ الاحتياطي", "Курс резервування")
    assert towns == 10
