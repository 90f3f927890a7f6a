using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vigil.Data;

/// <summary>
/// Writes new rows of the bulk tables (travelers, documents, bookings, versions, persons, links, audit) with one
/// prepared <c>INSERT … RETURNING id</c> per table, reused for every row, on the context's own connection and
/// transaction. EF's change tracker costs a fraction of a millisecond per added row — most of an ingest's time — while
/// a reused statement costs microseconds. Columns, names and value conversions come from the EF model, so the
/// schema stays defined in one place and both providers write exactly what EF would.
/// </summary>
internal sealed class NewRows(VigilDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, IAsyncDisposable> inserters = [];

    /// <summary>Inserts the row and sets its generated id. Needs the context's transaction, so the row commits with the rest.</summary>
    public async Task AddAsync<T>(T row, CancellationToken cancellationToken)
        where T : class
    {
        if (!inserters.TryGetValue(typeof(T), out var inserter))
        {
            inserter = await Inserter<T>.PrepareAsync(db, cancellationToken);
            inserters[typeof(T)] = inserter;
        }

        await ((Inserter<T>)inserter).InsertAsync(row, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var inserter in inserters.Values)
        {
            await inserter.DisposeAsync();
        }
    }

    private sealed class Inserter<T>(DbCommand command, Column<T>[] columns, Action<T, long> setKey) : IAsyncDisposable
        where T : class
    {
        public static async Task<Inserter<T>> PrepareAsync(VigilDbContext db, CancellationToken cancellationToken)
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException($"New {typeof(T).Name} rows are written inside the step's transaction; begin one first.");
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var columns = new List<Column<T>>();
            foreach (var property in entity.GetProperties().Where(p => p != keyProperty))
            {
                // A shadow property has no CLR member to read; the bulk tables have none, and a new one must be written here.
                var member = property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; {nameof(NewRows)} cannot write it.");
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                // Named with its prefix: Microsoft.Data.Sqlite looks a bare name up once per prefix for every row it binds.
                var parameter = mapping.CreateParameter(command, "@p" + columns.Count, null, property.IsNullable);
                command.Parameters.Add(parameter);
                columns.Add(new Column<T>(sql.DelimitIdentifier(property.GetColumnName()), ProviderValue(member, mapping.Converter), parameter));
            }

            // OR FAIL (SQLite): a one-row insert that breaks a unique key fails the same, but SQLite need not keep a
            // statement journal to undo it, which otherwise copies every page the insert touches.
            command.CommandText = $"INSERT {(db.Database.IsSqlite() ? "OR FAIL " : "")}INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", columns.Select(c => c.Name))}) "
                + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))}) RETURNING {sql.DelimitIdentifier(keyProperty.GetColumnName())}";
            await command.PrepareAsync(cancellationToken);
            return new Inserter<T>(command, [.. columns], KeySetter(keyProperty.PropertyInfo!));
        }

        public async Task InsertAsync(T row, CancellationToken cancellationToken)
        {
            foreach (var column in columns)
            {
                column.Parameter.Value = column.Read(row) ?? DBNull.Value;
            }

            var id = await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"Inserting a {typeof(T).Name} returned no id.");
            setKey(row, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();

        private static Action<T, long> KeySetter(PropertyInfo key)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var id = Expression.Parameter(typeof(long), "id");
            return Expression.Lambda<Action<T, long>>(Expression.Assign(Expression.Property(row, key), id), row, id).Compile();
        }

        /// <summary>
        /// Reads the property and converts it to what the provider stores, compiled once per column: reflection's
        /// GetValue would cost more than the insert itself for a row of twenty columns.
        /// </summary>
        private static Func<T, object?> ProviderValue(PropertyInfo member, ValueConverter? converter)
        {
            var row = Expression.Parameter(typeof(T), "row");
            Expression value = Expression.Property(row, member);
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
            if (converter is null)
            {
                return read;
            }

            var convert = converter.ConvertToProvider;
            return r => convert(read(r));
        }
    }

    private sealed record Column<T>(string Name, Func<T, object?> Read, DbParameter Parameter);
}
