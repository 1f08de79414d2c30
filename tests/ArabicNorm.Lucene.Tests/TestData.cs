using System.Globalization;
using System.Text;
using ArabicNorm.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicNorm.Lucene.Tests;

/// <summary>The seed article and its copies, and helpers to run a token stream.</summary>
internal static class TestData
{
    /// <summary>Gets the seed article as typed (on a Persian keyboard).</summary>
    public static string Seed { get; } = Read("seeds", "iraq-us-dialogue.ar.txt");

    /// <summary>Gets the article as PDF extraction leaves it: presentation forms and lam-alef ligatures.</summary>
    public static string Pdf { get; } = Read("Data", "iraq-us-dialogue.pdf.txt");

    /// <summary>Gets the article with a vowel, sukun, shadda or tanwin on every letter.</summary>
    public static string Vocalized { get; } = Read("Data", "iraq-us-dialogue.vocalized.txt");

    /// <summary>Gets the query words of Data/queries.tsv: a name, then the word as the user types it.</summary>
    public static IReadOnlyList<(string Name, string Text)> Queries { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "queries.tsv"), Encoding.UTF8)
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split('\t'))
        .Select(parts => (parts[0], parts[1]))
        .ToArray();

    /// <summary>Gets one query word by name.</summary>
    public static string Query(string name) => Queries.Single(q => q.Name == name).Text;

    public static string Read(string folder, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, file), Encoding.UTF8);

    /// <summary>Writes <paramref name="s"/> as <c>\uXXXX</c> escapes (printable ASCII stays), for failure messages.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length * 6 + 2).Append('"');
        foreach (char c in s)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Reads a whole reader with reads of at most <paramref name="chunk"/> chars.</summary>
    public static string ReadAll(TextReader reader, int chunk)
    {
        var sb = new StringBuilder();
        char[] buffer = new char[chunk];
        int n;
        while ((n = reader.Read(buffer, 0, chunk)) > 0)
        {
            sb.Append(buffer, 0, n);
        }

        Assert.Equal(0, n);
        return sb.ToString();
    }

    /// <summary>A token as a test sees it.</summary>
    public readonly record struct Token(string Text, int Start, int End, int PositionIncrement);

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> and returns its tokens and final offset.</summary>
    public static (List<Token> Tokens, int FinalOffset) Analyze(Analyzer analyzer, string text, string field = "body")
    {
        using TokenStream stream = analyzer.GetTokenStream(field, new StringReader(text));
        return Collect(stream);
    }

    public static (List<Token> Tokens, int FinalOffset) Collect(TokenStream stream)
    {
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
        IPositionIncrementAttribute increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<Token>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        int final = offset.EndOffset;
        return (tokens, final);
    }
}

/// <summary>Returns at most one character per read.</summary>
internal sealed class OneCharReader(string text) : TextReader
{
    private int _position;

    public override int Read(char[] buffer, int index, int count)
    {
        if (count == 0 || _position == text.Length)
        {
            return 0;
        }

        buffer[index] = text[_position++];
        return 1;
    }

    public override int Read() => _position == text.Length ? -1 : text[_position++];

    public override int Peek() => _position == text.Length ? -1 : text[_position];
}
