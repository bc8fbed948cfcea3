"""PostgreSQL: trigram indexes so `q` (LIKE '%word%' on the folded search text) stays fast at 50,000 offers.

SQLite keeps the portable path (a scan), which is fine at a district's size.
"""

from django.db import migrations

LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for code in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS offers_offer_search_{code}_trgm "
            f'ON offers_offer USING gin ("search_text_{code}" gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS offers_offer_search_{code}_trgm")


class Migration(migrations.Migration):
    dependencies = [("offers", "0007_translation_fingerprints")]

    operations = [migrations.RunPython(create, drop)]
