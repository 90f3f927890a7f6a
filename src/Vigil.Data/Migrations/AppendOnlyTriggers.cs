using Microsoft.EntityFrameworkCore.Migrations;

namespace Vigil.Data.Migrations;

/// <summary>
/// Database triggers that refuse updates to the append-only tables, so that not even SQL written by hand can rewrite
/// an audit entry, a booking version, a hit's status history or a message's bytes. Deletes are left to retention.
/// </summary>
internal static class AppendOnlyTriggers
{
    public static readonly string[] Tables = ["audit_entries", "booking_versions", "hit_status_changes", "message_contents"];

    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql(
                $"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
        }
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only;");
        }
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "CREATE FUNCTION vigil_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
            + "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;");
        foreach (var table in Tables)
        {
            migrationBuilder.Sql(
                $"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION vigil_refuse_update();");
        }
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only ON {table};");
        }

        migrationBuilder.Sql("DROP FUNCTION IF EXISTS vigil_refuse_update();");
    }
}
