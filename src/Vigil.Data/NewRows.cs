using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Vigil.Data;

/// <summary>
/// Writes new rows of the bulk tables (travelers, documents, bookings, versions, persons, links, audit) with one
/// prepared <c>INSERT</c> per table, reused for every row, on the context's own connection and transaction. EF's change
/// tracker costs a fraction of a millisecond per added row — most of an ingest's time — while a reused statement costs
/// microseconds. Columns, names and value conversions come from the EF model, so the schema stays defined in one place
/// and both providers write exactly what EF would. On SQLite the statement is driven through SQLite's own interface:
/// binding each value by position and reading the new row's id from the connection costs a fraction of what a
/// command with named parameters and a <c>RETURNING</c> reader does, and a day's ingest writes close to a million rows.
/// </summary>
internal sealed class NewRows(VigilDbContext db) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(Type Row, bool Sqlite), object> Shapes = new();

    private readonly Dictionary<Type, IAsyncDisposable> inserters = [];

    private interface IRowInserter<in T> : IAsyncDisposable
    {
        ValueTask InsertAsync(T row, CancellationToken cancellationToken);
    }

    /// <summary>Inserts the row and sets its generated id. Needs the context's transaction, so the row commits with the rest.</summary>
    public async Task AddAsync<T>(T row, CancellationToken cancellationToken)
        where T : class
    {
        if (!inserters.TryGetValue(typeof(T), out var inserter))
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException($"New {typeof(T).Name} rows are written inside the step's transaction; begin one first.");
            var sqlite = transaction.Connection is SqliteConnection;
            var shape = (RowShape<T>)Shapes.GetOrAdd((typeof(T), sqlite), _ => RowShape<T>.Of(db));
            inserter = sqlite
                ? SqliteInserter<T>.Prepare((SqliteConnection)transaction.Connection!, shape)
                : await CommandInserter<T>.PrepareAsync(transaction, shape, cancellationToken);
            inserters[typeof(T)] = inserter;
        }

        await ((IRowInserter<T>)inserter).InsertAsync(row, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var inserter in inserters.Values)
        {
            await inserter.DisposeAsync();
        }
    }

    /// <summary>
    /// What an insert of <typeparamref name="T"/> writes, read once from the model: the table, the key, and each other
    /// column with its provider's type mapping and a compiled reader of the value as the provider stores it — reflection's
    /// GetValue would cost more than the insert itself for a row of twenty columns.
    /// </summary>
    private sealed record RowShape<T>(string Table, string KeyColumn, Action<T, long> SetKey, Column<T>[] Columns)
        where T : class
    {
        public static RowShape<T> Of(VigilDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<Column<T>>();
            foreach (var property in entity.GetProperties().Where(p => p != keyProperty))
            {
                // A shadow property has no CLR member to read; the bulk tables have none, and a new one must be written here.
                var member = property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; {nameof(NewRows)} cannot write it.");
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                columns.Add(new Column<T>(sql.DelimitIdentifier(property.GetColumnName()), mapping, property.IsNullable, ProviderValue(member, mapping.Converter)));
            }

            return new RowShape<T>(sql.DelimitIdentifier(entity.GetTableName()!), sql.DelimitIdentifier(keyProperty.GetColumnName()), KeySetter(keyProperty.PropertyInfo!), [.. columns]);
        }

        public string Insert(string prefix, IEnumerable<string> placeholders) =>
            $"INSERT {prefix}INTO {Table} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", placeholders)})";

        private static Func<T, object?> ProviderValue(PropertyInfo member, ValueConverter? converter)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(row, member), typeof(object)), row).Compile();
            if (converter is null)
            {
                return read;
            }

            var convert = converter.ConvertToProvider;
            return r => convert(read(r));
        }

        private static Action<T, long> KeySetter(PropertyInfo key)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var id = Expression.Parameter(typeof(long), "id");
            return Expression.Lambda<Action<T, long>>(Expression.Assign(Expression.Property(row, key), id), row, id).Compile();
        }
    }

    private sealed record Column<T>(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<T, object?> Read);

    /// <summary>PostgreSQL: a prepared <c>INSERT … RETURNING id</c> with the provider's own parameters.</summary>
    private sealed class CommandInserter<T>(DbCommand command, RowShape<T> shape, DbParameter[] parameters) : IRowInserter<T>
        where T : class
    {
        public static async Task<CommandInserter<T>> PrepareAsync(DbTransaction transaction, RowShape<T> shape, CancellationToken cancellationToken)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var parameters = new DbParameter[shape.Columns.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var column = shape.Columns[i];
                parameters[i] = column.Mapping.CreateParameter(command, "@p" + i, null, column.Nullable);
                command.Parameters.Add(parameters[i]);
            }

            command.CommandText = shape.Insert("", parameters.Select(p => p.ParameterName)) + $" RETURNING {shape.KeyColumn}";
            await command.PrepareAsync(cancellationToken);
            return new CommandInserter<T>(command, shape, parameters);
        }

        public async ValueTask InsertAsync(T row, CancellationToken cancellationToken)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = shape.Columns[i].Read(row) ?? DBNull.Value;
            }

            var id = await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"Inserting a {typeof(T).Name} returned no id.");
            shape.SetKey(row, Convert.ToInt64(id, CultureInfo.InvariantCulture));
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }

    /// <summary>
    /// SQLite: the statement prepared on the connection's handle, values bound by position in the forms
    /// Microsoft.Data.Sqlite writes them (so EF reads and compares them as its own), the id taken from the connection.
    /// <c>OR FAIL</c>: a one-row insert that breaks a unique key fails the same, but SQLite need not keep a statement
    /// journal to undo it, which otherwise copies every page the insert touches.
    /// </summary>
    private sealed class SqliteInserter<T>(sqlite3 connection, sqlite3_stmt statement, RowShape<T> shape) : IRowInserter<T>
        where T : class
    {
        private byte[] buffer = new byte[256];

        // A batch stamps its rows with one time, so the text of the last moment bound is kept for the next row.
        private DateTimeOffset lastMoment;
        private byte[] lastMomentText = [];

        public static SqliteInserter<T> Prepare(SqliteConnection connection, RowShape<T> shape)
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
            var sql = shape.Insert("OR FAIL ", shape.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
            return new SqliteInserter<T>(handle, statement, shape);
        }

        /// <summary>Runs synchronously: SQLite works in the calling thread whichever way it is called.</summary>
        public ValueTask InsertAsync(T row, CancellationToken cancellationToken)
        {
            try
            {
                for (var i = 0; i < shape.Columns.Length; i++)
                {
                    Check(connection, Bind(i + 1, shape.Columns[i].Read(row)));
                }

                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(connection, done);
                }
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }

            shape.SetKey(row, raw.sqlite3_last_insert_rowid(connection));
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            raw.sqlite3_finalize(statement);
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Binds by position; text is encoded into a reused buffer rather than a new UTF-8 copy per value (SQLite copies
        /// what it is given), and dates are formatted straight into it.
        /// </summary>
        private int Bind(int index, object? value) => value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, Utf8(text)),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, index, real),
            float real => raw.sqlite3_bind_double(statement, index, real),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            DateTimeOffset moment => raw.sqlite3_bind_text(statement, index, MomentText(moment)),
            DateTime moment => raw.sqlite3_bind_text(statement, index, Formatted(moment, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF")),
            DateOnly day => raw.sqlite3_bind_text(statement, index, Formatted(day, @"yyyy\-MM\-dd")),
            Enum choice => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(choice, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"{typeof(T).Name}: {nameof(NewRows)} does not write {value.GetType().Name} values to SQLite; add the form Microsoft.Data.Sqlite writes."),
        };

        private ReadOnlySpan<byte> MomentText(DateTimeOffset moment)
        {
            if (moment != lastMoment || moment.Offset != lastMoment.Offset || lastMomentText.Length == 0)
            {
                lastMomentText = Formatted(moment, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz").ToArray();
                lastMoment = moment;
            }

            return lastMomentText;
        }

        private ReadOnlySpan<byte> Utf8(string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (buffer.Length < most)
            {
                buffer = new byte[Math.Max(most, buffer.Length * 2)];
            }

            return buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer));
        }

        private ReadOnlySpan<byte> Formatted<TValue>(TValue value, string format)
            where TValue : IUtf8SpanFormattable =>
            value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture)
                ? buffer.AsSpan(0, written)
                : throw new InvalidOperationException($"{typeof(TValue).Name} {value} did not fit {buffer.Length} bytes.");

        private static void Check(sqlite3 connection, int result)
        {
            if (result != raw.SQLITE_OK)
            {
                throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(connection).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(connection));
            }
        }
    }
}
