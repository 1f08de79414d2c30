// Streaming: the README's examples for UTF-8, streams, offsets, find, the comparer and the change report, run on the seed article (or
// the file given as the first argument). Prints one line per example and exits 1 when a result is not the README's.
using System.Buffers;
using System.Text;
using ArabicNorm;

string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt");
string text = File.ReadAllText(path);
ArabicNormalizer normalizer = ArabicNormalizer.Default;
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
CancellationToken token = cancellation.Token;
bool ok = true;

// UTF-8, straight from bytes to bytes.
byte[] utf8Source = Encoding.UTF8.GetBytes(text);
byte[] utf8Destination = new byte[utf8Source.Length + 64];
OperationStatus status = ArabicNormalizer.Default.NormalizeUtf8(utf8Source, utf8Destination,
                                                               out int bytesConsumed, out int bytesWritten);
ok &= Report($"UTF-8: {status}, {bytesConsumed} bytes in, {bytesWritten} out",
    status == OperationStatus.Done && bytesConsumed == utf8Source.Length);

// Streams: a TextReader into a TextWriter, and a UTF-8 stream into a stream.
var reader = new StringReader(text);
var writer = new StringWriter();
var inputStream = new MemoryStream(utf8Source);
var outputStream = new MemoryStream();
normalizer.Normalize(reader, writer);                       // TextReader -> TextWriter
await normalizer.NormalizeUtf8Async(inputStream, outputStream, token);   // UTF-8 Stream -> UTF-8 Stream
ok &= Report($"streams: {writer.ToString().Length} chars, {outputStream.Length} bytes",
    writer.ToString() == normalizer.Normalize(text) && outputStream.ToArray().AsSpan().SequenceEqual(utf8Destination.AsSpan(0, bytesWritten)));

// Offsets: find the query in the normalized headline, then highlight where it was in the original. The headline
// spells KITAB with KEHEH and a TATWEEL, as a Persian keyboard and a designer left it.
string headline = "\u0627\u0644\u06A9\u0640\u062A\u0627\u0628 \u062C\u062F\u064A\u062F"; // AL-KITAB JADID
string query = "\u0643\u062A\u0627\u0628"; // KAF, TEH, ALEF, BEH
NormalizedText result = ArabicNormalizer.Search.NormalizeWithOffsets(headline);
int hit = result.Text.IndexOf(query, StringComparison.Ordinal);
Range original = result.GetSourceRange(hit..(hit + query.Length));   // highlight headline[original]
ok &= Report($"offsets: the hit at {hit} comes from {original} of the headline", original.Equals(2..7));

// Find and highlight: a query typed on a Persian keyboard (KEHEH, FARSI YEH, no vowels) in a vocalized article.
// Search folds both sides; the ranges point into the original, vowels included.
string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "vocalized-news.ar.txt"));
string typed = "\u0627\u0644\u06A9\u062A\u0627\u0628 \u0627\u0644\u062C\u062F\u06CC\u062F"; // AL-KITAB AL-JADID
var highlighted = new StringBuilder(article);
int found = 0;
foreach (Range match in ArabicNormalizer.Search.FindAll(article, typed, wholeWords: true).Reverse())
{
    highlighted.Insert(match.End.Value, "]]").Insert(match.Start.Value, "[[");   // from the end, so ranges stay valid
    found++;
}

Console.WriteLine(highlighted);
ok &= Report($"find: {found} matches of the typed query in the vocalized article", found == 2);

// The comparer: one spelling per word for Distinct, HashSet and Dictionary keys, with nothing allocated per call.
string[] spellings = ["\u06A9\u062A\u0627\u0628", "\u0643\u062A\u0627\u0628", "\u0643\u0640\u062A\u0627\u0628"]; // KITAB three ways
int distinct = spellings.Distinct(ArabicNormalizer.Default.Comparer).Count();
ok &= Report($"comparer: {spellings.Length} spellings, {distinct} word", distinct == 1);

// The change report: what Default changes in the article, per rule, without producing the output.
NormalizationReport report = ArabicNormalizer.Default.GetChangeReport(text);
long yehAndKeheh = report[NormalizationCategory.Letters];
Console.WriteLine(report);   // "35 of 3008 characters changed: Letters=8, Digits=16, Separators=1, Quotes=10"
ok &= Report($"report: {yehAndKeheh} FARSI YEH and KEHEH", args.Length > 0 || yehAndKeheh == 8);

return ok ? 0 : 1;

static bool Report(string line, bool expected)
{
    Console.WriteLine(expected ? line : $"UNEXPECTED: {line}");
    return expected;
}
