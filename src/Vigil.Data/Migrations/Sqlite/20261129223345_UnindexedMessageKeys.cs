using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnindexedMessageKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_travelers_first_message_id",
                table: "travelers");

            migrationBuilder.DropIndex(
                name: "ix_travelers_last_message_id",
                table: "travelers");

            migrationBuilder.DropIndex(
                name: "ix_flights_first_message_id",
                table: "flights");

            migrationBuilder.DropIndex(
                name: "ix_flights_last_message_id",
                table: "flights");

            migrationBuilder.DropIndex(
                name: "ix_booking_versions_message_id",
                table: "booking_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_travelers_first_message_id",
                table: "travelers",
                column: "first_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_travelers_last_message_id",
                table: "travelers",
                column: "last_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_flights_first_message_id",
                table: "flights",
                column: "first_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_flights_last_message_id",
                table: "flights",
                column: "last_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_message_id",
                table: "booking_versions",
                column: "message_id");
        }
    }
}
