using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnreadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_travelers_record_locator",
                table: "travelers");

            migrationBuilder.DropIndex(
                name: "ix_booking_versions_flight_id",
                table: "booking_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_travelers_record_locator",
                table: "travelers",
                column: "record_locator");

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_flight_id",
                table: "booking_versions",
                column: "flight_id");
        }
    }
}
