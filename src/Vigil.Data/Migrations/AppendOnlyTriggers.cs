using Microsoft.EntityFrameworkCore.Migrations;

namespace Vigil.Data.Migrations;

/// <summary>
/// Database triggers that refuse updates to the append-only tables, so that not even SQL written by hand can rewrite
/// an audit entry, a booking version, a hit's status history or a message's bytes. Deletes are left to retention.
/// </summary>
internal static class AppendOnlyTriggers
{
    public static readonly string[] Tables = ["audit_entries", "booking_versions", "hit_status_changes", "message_contents"];

    /// <summary>The versions of risk rules and value lists (migration AddRiskRules): a saved version is never rewritten.</summary>
    public static readonly string[] RiskCriteriaTables = ["rule_versions", "value_list_versions"];

    public static void CreateSqlite(MigrationBuilder migrationBuilder) => CreateSqlite(migrationBuilder, Tables);

    public static void CreateSqlite(MigrationBuilder migrationBuilder, IEnumerable<string> tables)
    {
        foreach (var table in tables)
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
        CreatePostgresTriggers(migrationBuilder, Tables);
    }

    /// <summary>Triggers on further tables, calling the function the first migration made.</summary>
    public static void CreatePostgresTriggers(MigrationBuilder migrationBuilder, IEnumerable<string> tables)
    {
        foreach (var table in tables)
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
