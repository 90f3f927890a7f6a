using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Vigil.Data.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    booking_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    record_locator = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "message_contents",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_contents", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    surname = table.Column<string>(type: "text", nullable: true),
                    given_names = table.Column<string>(type: "text", nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    nationality = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detected_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    error_text = table.Column<string>(type: "text", nullable: true),
                    error_segment = table.Column<int>(type: "integer", nullable: true),
                    error_offset = table.Column<long>(type: "bigint", nullable: true),
                    error_line = table.Column<int>(type: "integer", nullable: true),
                    interchange_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    duplicate_of_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_messages_message_contents_content_hash",
                        column: x => x.content_hash,
                        principalTable: "message_contents",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_messages_duplicate_of_id",
                        column: x => x.duplicate_of_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<long>(type: "bigint", nullable: true),
                    step = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_entries_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "flights",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    flight_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    carrier = table.Column<string>(type: "text", nullable: true),
                    number = table.Column<string>(type: "text", nullable: true),
                    origin = table.Column<string>(type: "text", nullable: true),
                    destination = table.Column<string>(type: "text", nullable: true),
                    departure_date = table.Column<DateOnly>(type: "date", nullable: true),
                    stage = table.Column<string>(type: "text", nullable: true),
                    final_destination = table.Column<string>(type: "text", nullable: true),
                    first_message_id = table.Column<long>(type: "bigint", nullable: false),
                    last_message_id = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flights", x => x.id);
                    table.ForeignKey(
                        name: "fk_flights_messages_first_message_id",
                        column: x => x.first_message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_flights_messages_last_message_id",
                        column: x => x.last_message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "booking_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    booking_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    message_id = table.Column<long>(type: "bigint", nullable: false),
                    flight_id = table.Column<long>(type: "bigint", nullable: true),
                    push_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    last_changed = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_versions_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_versions_flights_flight_id",
                        column: x => x.flight_id,
                        principalTable: "flights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_booking_versions_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    flight_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<string>(type: "text", nullable: true),
                    destination = table.Column<string>(type: "text", nullable: true),
                    scheduled_departure = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    scheduled_arrival = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    crosses_border = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legs", x => x.id);
                    table.ForeignKey(
                        name: "fk_legs_flights_flight_id",
                        column: x => x.flight_id,
                        principalTable: "flights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "travelers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    flight_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    report_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    surname = table.Column<string>(type: "text", nullable: true),
                    given_names = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    gender = table.Column<string>(type: "text", nullable: true),
                    nationality = table.Column<string>(type: "text", nullable: true),
                    residence_country = table.Column<string>(type: "text", nullable: true),
                    birth_place = table.Column<string>(type: "text", nullable: true),
                    embarkation = table.Column<string>(type: "text", nullable: true),
                    debarkation = table.Column<string>(type: "text", nullable: true),
                    seat = table.Column<string>(type: "text", nullable: true),
                    record_locator = table.Column<string>(type: "text", nullable: true),
                    unique_passenger_reference = table.Column<string>(type: "text", nullable: true),
                    reference_number = table.Column<string>(type: "text", nullable: true),
                    booking_id = table.Column<long>(type: "bigint", nullable: true),
                    first_message_id = table.Column<long>(type: "bigint", nullable: false),
                    last_message_id = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travelers", x => x.id);
                    table.ForeignKey(
                        name: "fk_travelers_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_travelers_flights_flight_id",
                        column: x => x.flight_id,
                        principalTable: "flights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_travelers_messages_first_message_id",
                        column: x => x.first_message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_travelers_messages_last_message_id",
                        column: x => x.last_message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    traveler_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_links_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_person_links_travelers_traveler_id",
                        column: x => x.traveler_id,
                        principalTable: "travelers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "travel_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    traveler_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "text", nullable: true),
                    number = table.Column<string>(type: "text", nullable: true),
                    normalized_number = table.Column<string>(type: "text", nullable: true),
                    issuing_country = table.Column<string>(type: "text", nullable: true),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    expiry = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_travel_documents_travelers_traveler_id",
                        column: x => x.traveler_id,
                        principalTable: "travelers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hit_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    hit_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hit_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    traveler_id = table.Column<long>(type: "bigint", nullable: false),
                    subject_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    list_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    list_entry_ref = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    rule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    watch_list_entry_id = table.Column<long>(type: "bigint", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    explanation = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hits", x => x.id);
                    table.ForeignKey(
                        name: "fk_hits_travelers_traveler_id",
                        column: x => x.traveler_id,
                        principalTable: "travelers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watch_list_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    entry_ref = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    primary_name = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_list_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watch_list_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    watch_list_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entry_count = table.Column<int>(type: "integer", nullable: false),
                    problem_count = table.Column<int>(type: "integer", nullable: false),
                    source_path = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_list_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watch_lists",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    current_version_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_watch_lists_watch_list_versions_current_version_id",
                        column: x => x.current_version_id,
                        principalTable: "watch_list_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_message_id",
                table: "audit_entries",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_booking_id_message_id",
                table: "booking_versions",
                columns: new[] { "booking_id", "message_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_booking_id_version",
                table: "booking_versions",
                columns: new[] { "booking_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_flight_id",
                table: "booking_versions",
                column: "flight_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_versions_message_id",
                table: "booking_versions",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_booking_key",
                table: "bookings",
                column: "booking_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flights_departure_date",
                table: "flights",
                column: "departure_date");

            migrationBuilder.CreateIndex(
                name: "ix_flights_first_message_id",
                table: "flights",
                column: "first_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_flights_flight_key",
                table: "flights",
                column: "flight_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flights_last_message_id",
                table: "flights",
                column: "last_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_hit_status_changes_hit_id",
                table: "hit_status_changes",
                column: "hit_id");

            migrationBuilder.CreateIndex(
                name: "ix_hits_status",
                table: "hits",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_hits_traveler_id_subject_key",
                table: "hits",
                columns: new[] { "traveler_id", "subject_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hits_watch_list_entry_id",
                table: "hits",
                column: "watch_list_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_legs_flight_id_sequence",
                table: "legs",
                columns: new[] { "flight_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_content_hash",
                table: "messages",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_duplicate_of_id",
                table: "messages",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sender_interchange_reference",
                table: "messages",
                columns: new[] { "sender", "interchange_reference" },
                unique: true,
                filter: "interchange_reference IS NOT NULL AND duplicate_of_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messages_status",
                table: "messages",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_person_links_person_id",
                table: "person_links",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_links_traveler_id",
                table: "person_links",
                column: "traveler_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_travel_documents_normalized_number_issuing_country",
                table: "travel_documents",
                columns: new[] { "normalized_number", "issuing_country" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_documents_traveler_id",
                table: "travel_documents",
                column: "traveler_id");

            migrationBuilder.CreateIndex(
                name: "ix_travelers_booking_id",
                table: "travelers",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_travelers_first_message_id",
                table: "travelers",
                column: "first_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_travelers_flight_id_source_report_key",
                table: "travelers",
                columns: new[] { "flight_id", "source", "report_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_travelers_last_message_id",
                table: "travelers",
                column: "last_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_travelers_record_locator",
                table: "travelers",
                column: "record_locator");

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_entries_version_id_entry_ref",
                table: "watch_list_entries",
                columns: new[] { "version_id", "entry_ref" });

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_versions_watch_list_id_version",
                table: "watch_list_versions",
                columns: new[] { "watch_list_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watch_lists_code",
                table: "watch_lists",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watch_lists_current_version_id",
                table: "watch_lists",
                column: "current_version_id");

            migrationBuilder.AddForeignKey(
                name: "fk_hit_status_changes_hits_hit_id",
                table: "hit_status_changes",
                column: "hit_id",
                principalTable: "hits",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_hits_watch_list_entries_watch_list_entry_id",
                table: "hits",
                column: "watch_list_entry_id",
                principalTable: "watch_list_entries",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_watch_list_entries_watch_list_versions_version_id",
                table: "watch_list_entries",
                column: "version_id",
                principalTable: "watch_list_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_watch_list_versions_watch_lists_watch_list_id",
                table: "watch_list_versions",
                column: "watch_list_id",
                principalTable: "watch_lists",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // Added by hand: the append-only tables refuse updates (see AppendOnlyTriggers).
            AppendOnlyTriggers.CreatePostgres(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyTriggers.DropPostgres(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "fk_watch_lists_watch_list_versions_current_version_id",
                table: "watch_lists");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "booking_versions");

            migrationBuilder.DropTable(
                name: "hit_status_changes");

            migrationBuilder.DropTable(
                name: "legs");

            migrationBuilder.DropTable(
                name: "person_links");

            migrationBuilder.DropTable(
                name: "travel_documents");

            migrationBuilder.DropTable(
                name: "hits");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "travelers");

            migrationBuilder.DropTable(
                name: "watch_list_entries");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "flights");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "message_contents");

            migrationBuilder.DropTable(
                name: "watch_list_versions");

            migrationBuilder.DropTable(
                name: "watch_lists");
        }
    }
}
