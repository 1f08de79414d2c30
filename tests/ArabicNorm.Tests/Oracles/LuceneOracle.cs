using LuceneArabicNormalizer = Lucene.Net.Analysis.Ar.ArabicNormalizer;
using LucenePersianNormalizer = Lucene.Net.Analysis.Fa.PersianNormalizer;

namespace ArabicNorm.Tests.Oracles;

/// <summary>Runs Lucene.Net's Arabic and Persian normalizers, which no one on this project wrote.</summary>
internal static class LuceneOracle
{
    private static readonly LuceneArabicNormalizer s_arabic = new();
    private static readonly LucenePersianNormalizer s_persian = new();

    /// <summary>Applies Lucene's ArabicNormalizer, then its PersianNormalizer, as an analyzer chain would.</summary>
    internal static string ArabicThenPersian(string text)
    {
        char[] buffer = text.ToCharArray();
        int length = s_arabic.Normalize(buffer, buffer.Length);
        length = s_persian.Normalize(buffer, length);
        return new string(buffer, 0, length);
    }
}
