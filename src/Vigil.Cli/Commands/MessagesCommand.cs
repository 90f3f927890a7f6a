using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Input;
using Vigil.Data.Entities;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil messages list|quarantined|replay &lt;id&gt;</c>: what the store received and how far each message got;
/// replay takes a quarantined message through the pipeline again (after the cause was fixed).
/// </summary>
internal static class MessagesCommand
{
    public static Command Create()
    {
        var messages = new Command("messages", "Look at received messages and replay quarantined ones.");
        messages.Subcommands.Add(List());
        messages.Subcommands.Add(Quarantined());
        messages.Subcommands.Add(Replay());
        return messages;
    }

    private static Command List()
    {
        var data = StoreOpening.DataOption();
        var status = new Option<MessageStatus?>("--status") { Description = "Only messages in this status: Received, Parsed, Failed, Processed, Duplicate." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "Received messages, newest first, with their type, sender and status.") { data, status, limit };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await StoreOpening.OpenAsync(result.GetValue(data), cancellationToken);
            var output = result.InvocationConfiguration.Output;
            foreach (var message in await store.ListMessagesAsync(result.GetValue(status), result.GetValue(limit), cancellationToken))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{message.Id,8}  {message.ReceivedAt:yyyy-MM-dd HH:mm:ss}  {message.Status,-9}  {message.DetectedType ?? "-",-7}  {message.Sender}  {message.InterchangeReference}")
                    + (message.DuplicateOfId is { } original ? $"  duplicate of {original}" : "")
                    + (message.ErrorText is { } error ? $"  {error}" : ""));
            }

            return 0;
        });
        return command;
    }

    private static Command Quarantined()
    {
        var data = StoreOpening.DataOption();
        var command = new Command("quarantined", "Messages in quarantine, oldest first, with the reason and where in the bytes the problem is.") { data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await StoreOpening.OpenAsync(result.GetValue(data), cancellationToken);
            var output = result.InvocationConfiguration.Output;
            var quarantined = await store.ListQuarantinedAsync(cancellationToken);
            foreach (var message in quarantined)
            {
                var position = message.ErrorSegment is null ? "" : string.Create(CultureInfo.InvariantCulture, $" [segment {message.ErrorSegment}, byte {message.ErrorOffset}, line {message.ErrorLine}]");
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{message.Id,8}  {message.ReceivedAt:yyyy-MM-dd HH:mm:ss}  {message.Sender}{position}: {message.ErrorText}"));
            }

            await output.WriteLineAsync($"{quarantined.Count} message(s) in quarantine; `vigil messages replay <id>` processes one again.");
            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var id = new Argument<long>("id") { Description = "The quarantined message's id (see `vigil messages quarantined`)." };
        var data = StoreOpening.DataOption();
        var lists = StoreOpening.ListOption();
        var command = new Command("replay", "Process a quarantined message again, screening against the lists named (the bundled UN list by default).") { id, data, lists };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await StoreOpening.OpenAsync(result.GetValue(data), cancellationToken);
            var messageId = result.GetValue(id);
            var before = await store.GetMessageAsync(messageId, cancellationToken);
            if (before is null)
            {
                await Console.Error.WriteLineAsync($"vigil messages replay: no message {messageId} is stored.");
                return 2;
            }

            if (before.Status != MessageStatus.Failed)
            {
                await Console.Error.WriteLineAsync($"vigil messages replay: message {messageId} is {before.Status}, not in quarantine; only quarantined messages are replayed.");
                return 2;
            }

            var (pipeline, _) = await StoreOpening.PipelineAsync(store, result.GetValue(lists) ?? [], cancellationToken);
            var processed = await pipeline.ReplayAsync(messageId, cancellationToken);
            var after = await store.GetMessageAsync(messageId, cancellationToken);
            await result.InvocationConfiguration.Output.WriteLineAsync(processed
                ? $"Message {messageId} is {after!.Status} now."
                : $"Message {messageId} failed again and is back in quarantine: {after!.ErrorText}");
            return processed ? 0 : 1;
        });
        return command;
    }
}
