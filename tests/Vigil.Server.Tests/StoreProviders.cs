using Vigil.Data.Tests;

namespace Vigil.Server.Tests;

// One service at a time (one collection): the OpenTelemetry exporter listens to meters by name, so two services in
// one process would count each other's measurements. A deployment runs one service per process.

/// <summary>The service over SQLite in a temporary data folder, removed afterwards.</summary>
[Collection(nameof(ServerTests))]
public sealed class SqliteServerTests() : ServerTests(new SqliteTestDatabase());

/// <summary>
/// The service over a new PostgreSQL database on the server named by <c>VIGIL_TEST_POSTGRES</c>, dropped
/// afterwards. Without that variable the tests are reported as skipped.
/// </summary>
[Collection(nameof(ServerTests))]
public sealed class PostgresServerTests() : ServerTests(new PostgresTestDatabase());
