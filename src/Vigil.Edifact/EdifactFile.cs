namespace Vigil.Edifact;

/// <summary>
/// A file of EDIFACT interchanges split into its envelopes: interchanges, groups and messages, with every
/// count and reference checked. Envelope faults are warnings — real senders get them wrong — and never stop the
/// reading of the messages they wrap.
/// </summary>
public sealed class EdifactFile
{
    private EdifactFile(ReadOnlyMemory<byte> data)
    {
        Data = data;
    }

    public ReadOnlyMemory<byte> Data { get; }

    public List<EdifactInterchange> Interchanges { get; } = [];

    /// <summary>Every message of every interchange, in file order.</summary>
    public List<EdifactMessage> Messages { get; } = [];

    /// <summary>Findings that belong to no single message: junk around interchanges, interchange and group trailers.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    public static EdifactFile Read(ReadOnlyMemory<byte> data)
    {
        var file = new EdifactFile(data);
        new EnvelopeWalker(file).Walk();
        return file;
    }

    private sealed class EnvelopeWalker(EdifactFile file)
    {
        private readonly List<Diagnostic> _readerDiagnostics = [];
        private EdifactInterchange? _interchange;
        private EdifactGroup? _group;
        private EdifactMessage? _message;
        private int _interchangeOpenedAt;
        private int _groupOpenedAt;

        public void Walk()
        {
            var reader = new EdifactReader(file.Data.Span, _readerDiagnostics);
            while (reader.Read())
            {
                var segment = reader.Segment;
                var tag = segment.Tag;
                if (tag.SequenceEqual("UNB"u8))
                {
                    OpenInterchange(segment, reader.State);
                }
                else if (tag.SequenceEqual("UNG"u8))
                {
                    OpenGroup(segment, reader.State);
                }
                else if (tag.SequenceEqual("UNH"u8))
                {
                    OpenMessage(segment, reader.State);
                }
                else if (tag.SequenceEqual("UNT"u8))
                {
                    CloseMessage(segment);
                }
                else if (tag.SequenceEqual("UNE"u8))
                {
                    CloseGroup(segment);
                }
                else if (tag.SequenceEqual("UNZ"u8))
                {
                    CloseInterchange(segment);
                }
                else if (_message is not null)
                {
                    _message.SegmentCount++;
                }
                else
                {
                    Warn(null, "segment-outside-message", segment,
                        $"Segment {segment.TagText} stands outside any message (no UNH before it) and was ignored.");
                }

                RouteReaderDiagnostics();
            }

            var end = file.Data.Length;
            if (_message is not null)
            {
                Warn(_message, "message-not-terminated", end, _message.Line,
                    $"Message {_message.Reference} has no UNT trailer before the end of the input; its segments were read up to there.");
                EndMessage(end);
            }

            if (_interchange is not null && _interchange.SyntaxIdentifier is not null)
            {
                Warn(null, "interchange-not-terminated", end, 0,
                    $"Interchange {_interchange.ControlReference} has no UNZ trailer before the end of the input.");
            }

            RouteReaderDiagnostics();
        }

        private void RouteReaderDiagnostics()
        {
            if (_readerDiagnostics.Count == 0)
            {
                return;
            }

            (_message?.Diagnostics ?? file.Diagnostics).AddRange(_readerDiagnostics);
            _readerDiagnostics.Clear();
        }

        private void OpenInterchange(EdifactSegment unb, EdifactReaderState state)
        {
            if (_message is not null)
            {
                Warn(_message, "message-not-terminated", unb,
                    $"Message {_message.Reference} has no UNT trailer before the next interchange header UNB.");
                EndMessage((int)unb.Offset);
            }

            if (_interchange?.SyntaxIdentifier is not null)
            {
                Warn(null, "interchange-not-terminated", unb,
                    $"Interchange {_interchange.ControlReference} has no UNZ trailer before the next UNB.");
            }

            _interchange = new EdifactInterchange
            {
                Service = state.Service,
                Offset = unb.Offset,
                HasServiceStringAdvice = state.HasServiceStringAdvice,
                Charset = state.Charset,
                SyntaxIdentifier = unb.Text(0, 0),
                SyntaxVersion = unb.Text(0, 1),
                Sender = unb.Text(1, 0),
                SenderQualifier = unb.Text(1, 1),
                Recipient = unb.Text(2, 0),
                RecipientQualifier = unb.Text(2, 1),
                PreparationDate = unb.Text(3, 0),
                PreparationTime = unb.Text(3, 1),
                ControlReference = unb.Text(4),
                ApplicationReference = unb.Text(6),
                IsTest = unb.Text(10) == "1",
            };
            _interchangeOpenedAt = file.Messages.Count;
            _group = null;
            file.Interchanges.Add(_interchange);
        }

        private void OpenGroup(EdifactSegment ung, EdifactReaderState state)
        {
            var interchange = EnsureInterchange(ung, state);
            _group = new EdifactGroup
            {
                GroupId = ung.Text(0),
                Sender = ung.Text(1),
                Recipient = ung.Text(2),
                Reference = ung.Text(4),
                Agency = ung.Text(5),
                Version = JoinVersion(ung.Text(6, 0), ung.Text(6, 1)),
            };
            _groupOpenedAt = interchange.Messages.Count;
            interchange.Groups.Add(_group);
        }

        private void OpenMessage(EdifactSegment unh, EdifactReaderState state)
        {
            if (_message is not null)
            {
                Warn(_message, "message-not-terminated", unh,
                    $"Message {_message.Reference} has no UNT trailer before the next UNH; its segments were read up to there.");
                EndMessage((int)unh.Offset);
            }

            var interchange = EnsureInterchange(unh, state);
            var identifier = unh.Element(1);
            var partElement = unh.Element(3);
            MessagePart? part = null;
            if (partElement.Component(0).TryGetInt32(out var sequence) && sequence >= 1)
            {
                part = new MessagePart(sequence, partElement.Component(1).Is("F"u8));
            }
            _message = new EdifactMessage(file.Data, interchange, _group)
            {
                Reference = unh.Text(0),
                Type = identifier.Component(0).TextOrNull(),
                Version = identifier.Component(1).TextOrNull(),
                Release = identifier.Component(2).TextOrNull(),
                Agency = identifier.Component(3).TextOrNull(),
                Association = identifier.Component(4).TextOrNull(),
                CommonAccessReference = unh.Element(2).IsEmpty ? null : unh.Element(2).ToString(),
                Part = part,
                Offset = unh.Offset,
                SegmentIndex = unh.Index,
                Line = unh.Line,
                SegmentCount = 1,
                BodyStart = state,
            };

            if (part is null && !partElement.IsEmpty)
            {
                Warn(_message, "unh-part-unreadable", unh,
                    $"UNH part indicator '{partElement.ToString()}' does not start with a part number; the message is treated as a whole.");
            }

            if (_message.Reference is null)
            {
                Warn(_message, "unh-reference-missing", unh, "UNH carries no message reference number.");
            }

            interchange.Messages.Add(_message);
            _group?.Messages.Add(_message);
            file.Messages.Add(_message);
        }

        private void CloseMessage(EdifactSegment unt)
        {
            if (_message is null)
            {
                Warn(null, "unexpected-trailer", unt, "UNT appears without an open message (no UNH before it) and was ignored.");
                return;
            }

            _message.SegmentCount++;
            var declared = unt.Element(0).Component(0);
            if (!declared.TryGetInt32(out var count))
            {
                Warn(_message, "unt-count-missing", unt, $"UNT of message {_message.Reference} carries no readable segment count.");
            }
            else if (count != _message.SegmentCount)
            {
                Warn(_message, "unt-count-mismatch", unt,
                    $"UNT of message {_message.Reference} declares {count} segments but {_message.SegmentCount} were read from UNH to UNT.");
            }

            var reference = unt.Text(1);
            if (reference != _message.Reference)
            {
                Warn(_message, "unt-reference-mismatch", unt,
                    reference is null
                        ? $"UNT of message {_message.Reference} does not repeat the message reference."
                        : $"UNT carries reference '{reference}' but its UNH carries '{_message.Reference}'.");
            }

            _message.Terminated = true;
            EndMessage((int)unt.Offset);
        }

        private void CloseGroup(EdifactSegment une)
        {
            if (_group is null || _interchange is null)
            {
                Warn(null, "unexpected-trailer", une, "UNE appears without an open group (no UNG before it) and was ignored.");
                return;
            }

            CloseOpenMessageAt(une, "UNE");
            var messages = _interchange.Messages.Count - _groupOpenedAt;
            CheckTrailer(une, "UNE", "group", _group.Reference, messages, "messages");
            _group = null;
        }

        private void CloseInterchange(EdifactSegment unz)
        {
            if (_interchange is null)
            {
                Warn(null, "unexpected-trailer", unz, "UNZ appears without an open interchange (no UNB before it) and was ignored.");
                return;
            }

            CloseOpenMessageAt(unz, "UNZ");
            if (_interchange.Groups.Count > 0)
            {
                CheckTrailer(unz, "UNZ", "interchange", _interchange.ControlReference, _interchange.Groups.Count, "groups");
            }
            else
            {
                CheckTrailer(unz, "UNZ", "interchange", _interchange.ControlReference, file.Messages.Count - _interchangeOpenedAt, "messages");
            }

            _interchange = null;
            _group = null;
        }

        private void CloseOpenMessageAt(EdifactSegment trailer, string tag)
        {
            if (_message is null)
            {
                return;
            }

            Warn(_message, "message-not-terminated", trailer,
                $"Message {_message.Reference} has no UNT trailer before {tag}; its segments were read up to there.");
            EndMessage((int)trailer.Offset);
        }

        private void CheckTrailer(EdifactSegment trailer, string tag, string what, string? expectedReference, int actual, string counted)
        {
            var code = tag.ToLowerInvariant();
            if (!trailer.Element(0).Component(0).TryGetInt32(out var declared))
            {
                Warn(null, $"{code}-count-missing", trailer, $"{tag} carries no readable count of {counted}.");
            }
            else if (declared != actual)
            {
                Warn(null, $"{code}-count-mismatch", trailer, $"{tag} declares {declared} {counted} but the {what} holds {actual}.");
            }

            var reference = trailer.Text(1);
            if (reference != expectedReference)
            {
                Warn(null, $"{code}-reference-mismatch", trailer,
                    $"{tag} carries reference '{reference}' but the {what} header carries '{expectedReference}'.");
            }
        }

        private EdifactInterchange EnsureInterchange(EdifactSegment segment, EdifactReaderState state)
        {
            if (_interchange is not null)
            {
                return _interchange;
            }

            Warn(null, "interchange-header-missing", segment,
                $"{segment.TagText} appears without an interchange header UNB; sender, recipient and repertoire are unknown.");
            _interchange = new EdifactInterchange { Service = state.Service, Offset = segment.Offset, Charset = state.Charset };
            _interchangeOpenedAt = file.Messages.Count;
            file.Interchanges.Add(_interchange);
            return _interchange;
        }

        private void EndMessage(int bodyEnd)
        {
            _message!.BodyEnd = bodyEnd;
            _message = null;
        }

        private void Warn(EdifactMessage? message, string code, EdifactSegment segment, string text) =>
            (message?.Diagnostics ?? file.Diagnostics).Add(new Diagnostic(code, DiagnosticSeverity.Warning, segment.Index, segment.Offset, segment.Line, text));

        private void Warn(EdifactMessage? message, string code, long offset, int line, string text) =>
            (message?.Diagnostics ?? file.Diagnostics).Add(new Diagnostic(code, DiagnosticSeverity.Warning, -1, offset, line, text));

        private static string? JoinVersion(string? version, string? release) =>
            version is null ? null : release is null ? version : $"{version}:{release}";
    }
}
