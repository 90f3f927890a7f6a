using System.Diagnostics;
using System.Globalization;
using Vigil.Edifact;
using Vigil.Fuzz;
using Vigil.Travel;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

// Mutation fuzzing of the EDIFACT reader and the travel mappers: every exception that escapes is a bug, because
// bad input must come back as diagnostics. Usage: --iterations N --seed S [--crashes DIR] [--shared DIR] [--edifact-only]

var iterations = 100_000L;
var seed = 1;
var crashFolder = Path.Combine(Environment.CurrentDirectory, "fuzz-crashes");
string? shared = Environment.GetEnvironmentVariable("VIGIL_SHARED");
var mapper = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--iterations": iterations = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--crashes": crashFolder = args[++i]; break;
        case "--shared": shared = args[++i]; break;
        case "--edifact-only": mapper = false; break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}.");
            return 2;
    }
}

var corpus = Corpus.Load(shared ?? Corpus.FindShared(), seed);
Console.WriteLine($"Corpus: {corpus.Count} messages ({corpus.Sum(c => c.Length) / 1024} KiB); {(mapper ? "EDIFACT reader and travel mappers" : "EDIFACT reader only")}; seed {seed}.");

var random = new Random(seed);
var mutator = new Mutator(random, corpus);
var failures = new Dictionary<string, int>(StringComparer.Ordinal);
long edifactExceptions = 0, mapperExceptions = 0, diagnostics = 0;
var clock = Stopwatch.StartNew();
var watch = new Watchdog(crashFolder);
for (long iteration = 1; iteration <= iterations; iteration++)
{
    var input = mutator.Mutate(Pick(random, corpus));
    watch.Begin(iteration, input);
    try
    {
        var file = EdifactFile.Read(input);
        diagnostics += file.Diagnostics.Count;
        foreach (var message in file.Messages)
        {
            var reader = message.OpenBody();
            while (reader.Read())
            {
                WalkSegment(reader.Segment);
            }
        }

        var whole = new EdifactReader(input);
        while (whole.Read())
        {
            WalkSegment(whole.Segment);
        }
    }
    catch (Exception exception)
    {
        edifactExceptions++;
        Record("edifact", exception, input, iteration);
        continue;
    }

    if (mapper)
    {
        try
        {
            _ = TravelFileReader.Read(input, new DateOnly(2025, 3, 14));
        }
        catch (Exception exception)
        {
            mapperExceptions++;
            Record("mapper", exception, input, iteration);
        }
    }

    if (iteration % 100_000 == 0)
    {
        Console.WriteLine($"  {iteration:N0} iterations, {edifactExceptions + mapperExceptions} exceptions, {clock.Elapsed.TotalSeconds:F0} s");
    }
}

clock.Stop();
watch.Dispose();
Console.WriteLine($"Iterations: {iterations:N0}");
Console.WriteLine($"Unhandled exceptions: {edifactExceptions + mapperExceptions} (EDIFACT layer {edifactExceptions}, mappers {mapperExceptions}); distinct: {failures.Count}");
Console.WriteLine($"Inputs that took over {Watchdog.Limit.TotalSeconds:F0} s: {watch.SlowInputs}");
Console.WriteLine($"File-level diagnostics reported: {diagnostics:N0}");
Console.WriteLine($"Elapsed: {clock.Elapsed.TotalSeconds:F1} s ({iterations / clock.Elapsed.TotalSeconds:N0} inputs/s)");
foreach (var (key, count) in failures.OrderByDescending(f => f.Value))
{
    Console.WriteLine($"  {count} × {key}");
}

if (failures.Count > 0)
{
    Console.WriteLine($"Crashing inputs saved in {crashFolder}");
}

return failures.Count == 0 && watch.SlowInputs == 0 ? 0 : 1;

// The two largest real samples are 70 and 250 KB; drawn as often as the rest they would take most of the run.
static byte[] Pick(Random random, List<byte[]> corpus)
{
    while (true)
    {
        var candidate = corpus[random.Next(corpus.Count)];
        if (candidate.Length <= 32 * 1024 || random.Next(10) == 0)
        {
            return candidate;
        }
    }
}

// Text decoding, integer reads and repetitions are where malformed input reaches the most code.
static void WalkSegment(EdifactSegment segment)
{
    _ = segment.TagText;
    foreach (var element in segment.Elements)
    {
        var repetitions = element.RepetitionCount;
        for (var r = 0; r < repetitions; r++)
        {
            var repetition = element.Repetition(r);
            var components = repetition.ComponentCount;
            for (var c = 0; c < components; c++)
            {
                var component = repetition.Component(c);
                _ = component.ToString();
                _ = component.TryGetInt32(out _);
            }
        }
    }
}

void Record(string layer, Exception exception, byte[] input, long iteration)
{
    var frame = new StackTrace(exception).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Vigil", StringComparison.Ordinal) == true);
    var key = $"{layer}: {exception.GetType().Name} at {frame?.GetMethod()?.DeclaringType?.Name}.{frame?.GetMethod()?.Name}: {exception.Message}";
    failures[key] = failures.GetValueOrDefault(key) + 1;
    if (failures[key] <= 3)
    {
        Directory.CreateDirectory(crashFolder);
        var path = Path.Combine(crashFolder, string.Create(CultureInfo.InvariantCulture, $"{layer}-{iteration:D8}.edi"));
        File.WriteAllBytes(path, input);
        File.WriteAllText(path + ".txt", exception.ToString());
    }
}

namespace Vigil.Fuzz
{
    /// <summary>
    /// A hang or a runaway allocation never throws, so a timer thread saves any input still being read after
    /// <see cref="Limit"/>; the run itself cannot be unstuck, but the input that stuck it is kept.
    /// </summary>
    internal sealed class Watchdog : IDisposable
    {
        public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

        private readonly string _folder;
        private readonly Timer _timer;
        private readonly Lock _gate = new();
        private long _iteration;
        private byte[] _input = [];
        private long _startedAt;
        private long _reported = -1;

        public Watchdog(string folder)
        {
            _folder = folder;
            _timer = new Timer(_ => Check(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        public int SlowInputs { get; private set; }

        public void Begin(long iteration, byte[] input)
        {
            lock (_gate)
            {
                _iteration = iteration;
                _input = input;
                _startedAt = Stopwatch.GetTimestamp();
            }
        }

        private void Check()
        {
            lock (_gate)
            {
                if (_reported == _iteration || Stopwatch.GetElapsedTime(_startedAt) < Limit)
                {
                    return;
                }

                _reported = _iteration;
                SlowInputs++;
                Directory.CreateDirectory(_folder);
                var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"slow-{_iteration:D8}.edi"));
                File.WriteAllBytes(path, _input);
                Console.WriteLine($"  iteration {_iteration:N0} still running after {Limit.TotalSeconds:F0} s; input saved to {path}");
            }
        }

        public void Dispose() => _timer.Dispose();
    }

    /// <summary>The valid messages the fuzzer starts from: the shared real samples, generated lists in every layout and generated PNRGOV pushes.</summary>
    internal static class Corpus
    {
        public static List<byte[]> Load(string shared, int seed)
        {
            var corpus = new List<byte[]>();
            foreach (var folder in new[] { "paxlst", "pnrgov" })
            {
                var path = Path.Combine(shared, "data", "messages", folder);
                if (Directory.Exists(path))
                {
                    corpus.AddRange(Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
                }
            }

            // Small lists keep an iteration cheap; every layout and repertoire appears, crew lists too.
            var generator = new PaxlstGenerator(seed);
            var index = 1;
            foreach (var layout in PaxlstLayout.All)
            {
                foreach (var variant in new[] { layout, layout.WithUtf8() })
                {
                    corpus.Add(generator.GenerateFile(index++, 2 + (index % 20), variant, crewList: index % 7 == 0).Content);
                }
            }

            corpus.AddRange(PnrgovPushes(seed));
            return corpus;
        }

        /// <summary>
        /// Small generated pushes, full and update, so that mutations reach every PNRGOV group (infants, check-in,
        /// codeshares, history, cancellations) in a few kilobytes each.
        /// </summary>
        private static IEnumerable<byte[]> PnrgovPushes(int seed)
        {
            var generator = new PnrgovGenerator(seed);
            for (var index = 1; index <= 16; index++)
            {
                yield return generator.GenerateFile(index, 2 + (index % 9), index % 3 == 0 ? PushKind.Update : PushKind.Full).Content;
            }
        }

        public static string FindShared()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new DirectoryNotFoundException("Vigil.slnx not found; pass --shared.")
                : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
    }
}
