using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Input;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil ingest &lt;files…&gt; [--data &lt;folder&gt;] [--list &lt;file&gt;…]</c>: stores each file's bytes in the
/// store, processes every pending message (parse, flights and travelers, identities, screening, hits) and prints what
/// the run did. Safe to run again on the same files, or after being stopped at any moment: stored bytes are not stored
/// twice and half-done messages are finished.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Message files, or folders whose files (in name order) are ingested." };
        var data = StoreOpening.DataOption();
        var lists = StoreOpening.ListOption();
        var sender = new Option<string>("--sender")
        {
            Description = "The sender the messages are recorded from; duplicates are judged per sender.",
            DefaultValueFactory = _ => "cli:" + Environment.UserName,
        };
        var command = new Command("ingest", "Store, process and screen API and PNR messages into the Vigil store.") { files, data, lists, sender };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(files)!, result.GetValue(data), result.GetValue(lists) ?? [], result.GetValue(sender)!, result.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    /// <summary>0 when every message was processed, 1 when some were quarantined, 2 when a file or list could not be read.</summary>
    internal static async Task<int> RunAsync(FileInfo[] files, DirectoryInfo? data, string[] lists, string sender, TextWriter output, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var file in files)
        {
            if (Directory.Exists(file.FullName))
            {
                paths.AddRange(Directory.EnumerateFiles(file.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (file.Exists)
            {
                paths.Add(file.FullName);
            }
            else
            {
                await Console.Error.WriteLineAsync($"vigil ingest: {file} does not exist; nothing was ingested.");
                return 2;
            }
        }

        var store = await StoreOpening.OpenAsync(data, cancellationToken);
        var (pipeline, listNames) = await StoreOpening.PipelineAsync(store, lists, cancellationToken);
        var before = await store.CountAsync(cancellationToken);
        var (stored, duplicates) = (0, 0);
        foreach (var path in paths)
        {
            var receipt = await pipeline.ReceiveAsync(await File.ReadAllBytesAsync(path, cancellationToken), sender, cancellationToken);
            (stored, duplicates) = receipt.Duplicate ? (stored, duplicates + 1) : (stored + 1, duplicates);
        }

        var finished = await pipeline.ProcessPendingAsync(cancellationToken);
        var after = await store.CountAsync(cancellationToken);
        var quarantined = after.MessagesIn(MessageStatus.Failed) - before.MessagesIn(MessageStatus.Failed);
        await output.WriteLineAsync(Summary(paths.Count, stored, duplicates, finished, quarantined, before, after, listNames));
        return quarantined > 0 ? 1 : 0;
    }

    internal static string Summary(int files, int stored, int duplicates, int finished, int quarantined, StoreCounts before, StoreCounts after, string lists) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            Received {files} file(s): {stored} stored, {duplicates} duplicate(s) of messages already received.
            Finished {finished} message(s): {after.MessagesIn(MessageStatus.Processed) - before.MessagesIn(MessageStatus.Processed)} processed, {quarantined} quarantined{(quarantined > 0 ? " (see `vigil messages quarantined`)" : "")}, {after.MessagesIn(MessageStatus.Duplicate) - before.MessagesIn(MessageStatus.Duplicate)} found duplicate.
            Travelers: {after.Travelers - before.Travelers} new ({after.Travelers} stored, as {after.Persons} persons); bookings: {after.Bookings - before.Bookings} new; hits: {after.Hits - before.Hits} new ({after.Hits} stored), screened against {lists}.
            Store: {after.AllMessages} message(s), {after.MessagesIn(MessageStatus.Processed)} processed, {after.MessagesIn(MessageStatus.Failed)} in quarantine, {after.MessagesIn(MessageStatus.Duplicate)} duplicate, {after.MessagesIn(MessageStatus.Received) + after.MessagesIn(MessageStatus.Parsed)} pending.
            """);
}
