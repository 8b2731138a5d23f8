"""Make sure PostgreSQL has the ``indonesian`` text-search configuration the search index uses.

PostgreSQL 13+ ships it (Snowball Indonesian stemmer: ``pelayanan`` → ``layan``). On an older
server without it, create it from ``simple``, with the ``indonesian_stem`` dictionary when that
exists; without the dictionary searching still works, only without stemming. SQLite: nothing.
"""

from django.db import migrations

TOKEN_TYPES = "asciiword, word, hword, hword_part, hword_asciipart, asciihword"


def ensure_indonesian(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
        if cursor.fetchone():
            return
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION indonesian (COPY = simple)")
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = 'indonesian_stem'")
        if cursor.fetchone():
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION indonesian ALTER MAPPING FOR {TOKEN_TYPES} "
                "WITH indonesian_stem"
            )


class Migration(migrations.Migration):
    dependencies: list = []

    operations = [migrations.RunPython(ensure_indonesian, migrations.RunPython.noop)]
