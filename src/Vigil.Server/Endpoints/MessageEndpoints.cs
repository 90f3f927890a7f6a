using System.Security.Claims;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/messages</c>: senders post raw messages; analysts follow them through the ingest and administrators
/// replay the quarantined ones.
/// </summary>
internal static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages");
        group.MapPost("/", Receive).RequireAuthorization(Policies.Sender)
            .Accepts<byte[]>("*/*")
            .WithSummary("Receive one message (PAXLST, PNRGOV EDIFACT or PNRGOV XML) as the raw body; the sender is the API key's holder.");
        group.MapGet("/", List).RequireAuthorization(Policies.Analyst).WithSummary("Messages, newest first, optionally only those with one status.");
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.Analyst).WithSummary("One message: its status, its error and where in the bytes it is, and its audit.");
        group.MapPost("/{id:long}/replay", Replay).RequireAuthorization(Policies.Admin).WithSummary("Put a quarantined message through the ingest again, now; the answer shows whether it was processed or is back in quarantine.");
    }

    private static async Task<Results<Accepted<MessageReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        HttpRequest request, ClaimsPrincipal user, MessageIntake intake, ServerOptions options, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        if (request.ContentLength > options.MaxMessageBytes)
        {
            return TooLarge(options);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxMessageBytes)
            {
                return TooLarge(options);
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (content.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            input.Fail("body", "is empty; send the message's bytes exactly as received from the carrier.");
            return input.Problem();
        }

        var receipt = await intake.ReceiveAsync(content, user.Identity!.Name!, cancellationToken);
        return TypedResults.Accepted($"/api/messages/{receipt.Id}", receipt);
    }

    private static ProblemHttpResult TooLarge(ServerOptions options) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message too large",
            detail: $"A message may be at most {options.MaxMessageBytes} bytes ({ServerOptions.Section}:MaxMessageBytes).");

    private static async Task<Results<Ok<List<MessageSummary>>, ValidationProblem>> List(
        VigilStore store, string? status, string? sender, long? before, int? limit, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var wanted = input.Enum<MessageStatus>("status", status);
        var take = input.Limit(limit);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        // Through the store, which also shows the messages still waiting in the SQLite inbox.
        var rows = await store.ListMessagesAsync(new MessageFilter(wanted, string.IsNullOrWhiteSpace(sender) ? null : sender, before), take, cancellationToken);
        return TypedResults.Ok(rows.Select(ViewMapping.Summary).ToList());
    }

    private static async Task<Results<Ok<MessageDetail>, ProblemHttpResult>> Get(long id, VigilStore store, CancellationToken cancellationToken)
    {
        var m = await store.GetMessageAsync(id, cancellationToken);
        if (m is null)
        {
            return Problems.NotFound($"No message {id} is stored.");
        }

        var audit = await store.ListAuditAsync(id, cancellationToken);
        var error = m.ErrorText is null ? null : new MessageError(m.ErrorText, m.ErrorSegment, m.ErrorOffset, m.ErrorLine);
        return TypedResults.Ok(new MessageDetail(
            m.Id, m.Sender, m.ReceivedAt, m.DetectedType, m.Status, m.StatusChangedAt, m.ContentHash, m.InterchangeReference, m.DuplicateOfId, error,
            [.. audit.Select(a => new AuditView(a.Id, a.Step, a.Outcome, a.At, a.Detail))]));
    }

    private static async Task<Results<Ok<MessageSummary>, ProblemHttpResult>> Replay(
        long id, ClaimsPrincipal user, VigilStore store, MessageIntake intake, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(id, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound($"No message {id} is stored.");
        }

        if (!await intake.ReplayAsync(id, user.Identity!.Name!, cancellationToken))
        {
            return Problems.Conflict($"Message {id} is {message.Status}; only a quarantined (Failed) message can be replayed.");
        }

        var now = await store.GetMessageAsync(id, cancellationToken);
        return TypedResults.Ok(ViewMapping.Summary(now!));
    }
}
