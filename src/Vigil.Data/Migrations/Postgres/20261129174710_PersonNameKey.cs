using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonNameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_date_of_birth",
                table: "persons");

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "persons",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_key_date_of_birth",
                table: "persons",
                columns: new[] { "name_key", "date_of_birth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_key_date_of_birth",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "name_key",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_date_of_birth",
                table: "persons",
                column: "date_of_birth");
        }
    }
}
