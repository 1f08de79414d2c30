using System.Runtime.InteropServices;
using ArabicNorm;
using ArabicNorm.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

// Analyzes the seed article with the packaged ArabicNormAnalyzer, checks that every token's offsets point at text
// that normalizes to it, and exports the Search preset's rules for Elasticsearch from the packaged core library.
string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
using var analyzer = new ArabicNormAnalyzer(LuceneVersion.LUCENE_48);
using TokenStream stream = analyzer.GetTokenStream("body", new StringReader(article));
ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
stream.Reset();
int tokens = 0;
while (stream.IncrementToken())
{
    string source = article[offset.StartOffset..offset.EndOffset];
    if (ArabicNormalizer.Search.Normalize(source).ToLowerInvariant() != term.ToString())
    {
        Console.Error.WriteLine($"token {tokens}: offsets {offset.StartOffset}..{offset.EndOffset} do not point at its source");
        return 1;
    }

    tokens++;
}

stream.End();
int rules = SearchEngineExport.GetMappings(ArabicNormalizer.Search).Count;
Console.WriteLine($"ArabicNorm.Lucene package on {RuntimeInformation.FrameworkDescription}: {tokens} tokens with exact offsets; {rules} Elasticsearch mapping rules for Search");
return tokens > 300 && rules > 1000 ? 0 : 1;
