using System.Text;
using System.Text.Json;
using ArabicNorm.Tests.Properties;
using ArabicNorm.Tests.Streaming;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Api;

/// <summary><see cref="NormalizingTextReader"/> and <see cref="NormalizingStream"/>: whatever the read sizes on either
/// side, what they return is the normalization of the whole text.</summary>
public class PullWrapperTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // ---- NormalizingTextReader ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizingTextReader_AnyReadSizes_EqualsNormalize(RuleText text, OptionsCase options, ReadSizes inner, ReadSizes outer)
    {
        using var reader = new NormalizingTextReader(new ShortReadReader(text.Value, inner.Sizes), options.Normalizer);
        Assert.Equal(options.Normalizer.Normalize(text.Value), ReadAll(reader, outer.Sizes));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void NormalizingTextReader_AnyReadSizesAsync_EqualsNormalize(RuleText text, OptionsCase options, ReadSizes inner, ReadSizes outer)
    {
        using var reader = new NormalizingTextReader(new ShortReadReader(text.Value, inner.Sizes), options.Normalizer);
        Assert.Equal(options.Normalizer.Normalize(text.Value), ReadAllAsync(reader, outer.Sizes).GetAwaiter().GetResult());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void NormalizingTextReader_ReadAndPeekOneCharAtATime_EqualsNormalize(RuleText text, OptionsCase options, ReadSizes inner)
    {
        using var reader = new NormalizingTextReader(new ShortReadReader(text.Value, inner.Sizes), options.Normalizer);
        var builder = new StringBuilder();
        while (true)
        {
            int peeked = reader.Peek();
            int c = reader.Read();
            Assert.Equal(peeked, c);
            if (c < 0)
            {
                break;
            }

            builder.Append((char)c);
        }

        Assert.Equal(options.Normalizer.Normalize(text.Value), builder.ToString());
    }

    public static TheoryData<string, string> BoundaryTexts => new()
    {
        { "surrogate pairs", "a\uD83B\uDE00b\uD83D\uDE00\uD83B\uDE21" }, // U+1EE00, an emoji, U+1EE21
        { "lone surrogates", "\uD83Bx\uDE00\uD800" },
        { "mark sequence past 30", "\u0628" + new string('\u064E', 45) + "\u0654\u0627\u0654" }, // BEH, 45 FATHA, hamza marks
        { "hamza after deletions", "\u0627\u0640\u0640\u0640\u0654 \u064A\u200F\u0654" }, // ALEF, TATWEEL x3, HAMZA ABOVE, ...
        { "expansions", "\uFDFA\uFEFB\uFDF2x\uFDFA" },
        { "space runs", "a \u00A0\u2009\u3000  b\u200C \u200C c" },
        { "contextual yeh", "\u06CC \u06CC\u0628\u06CC\u064E" },
    };

    [Theory]
    [MemberData(nameof(BoundaryTexts))]
    public void NormalizingTextReader_TinyReadsAcrossBoundaries_EqualsNormalize(string why, string text)
    {
        foreach (ArabicNormalizer normalizer in Normalizers())
        {
            foreach (int[] sizes in new[] { new[] { 1 }, [2], [3], [1, 2, 5], [7] })
            {
                using var reader = new NormalizingTextReader(new ShortReadReader(text, sizes), normalizer);
                Assert.True(normalizer.Normalize(text) == ReadAll(reader, sizes), why);
            }
        }
    }

    [Fact]
    public void NormalizingTextReader_TextLongerThanTheBuffers_EqualsNormalize()
    {
        string text = string.Concat(Enumerable.Repeat(TestText.ReadSeed() + "\uFDFA\u0640\u06CC ", 8)); // about 8 x 17 Ki chars
        using var reader = new NormalizingTextReader(new StringReader(text), ArabicNormalizer.Search);
        Assert.Equal(ArabicNormalizer.Search.Normalize(text), reader.ReadToEnd());
    }

    [Fact]
    public void NormalizingTextReader_AtTheEnd_ReturnsZeroAgain()
    {
        using var reader = new NormalizingTextReader(new StringReader("\u06CC"), ArabicNormalizer.Default);
        char[] buffer = new char[8];
        Assert.Equal(1, reader.Read(buffer));
        Assert.Equal('\u064A', buffer[0]); // YEH
        Assert.Equal(0, reader.Read(buffer));
        Assert.Equal(0, reader.Read(buffer));
        Assert.Equal(-1, reader.Read());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(0, reader.Read(Span<char>.Empty));
    }

    [Fact]
    public void NormalizingTextReader_ReadLine_GivesNormalizedLines()
    {
        using var reader = new NormalizingTextReader(new StringReader("\u06CC\u0640a\r\n\u06F1\n"), ArabicNormalizer.Default);
        Assert.Equal("\u064Aa", reader.ReadLine()); // YEH, tatweel removed
        Assert.Equal("1", reader.ReadLine());
        Assert.Null(reader.ReadLine());
    }

    [Fact]
    public void NormalizingTextReader_Dispose_DisposesTheInnerReaderUnlessLeftOpen()
    {
        var inner = new StringReader("abc");
        var reader = new NormalizingTextReader(inner, ArabicNormalizer.Default);
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => inner.Read());
        Assert.Throws<ObjectDisposedException>(() => reader.Read());
        Assert.Throws<ObjectDisposedException>(() => reader.Read(new char[4]));
        Assert.Throws<ObjectDisposedException>(() => reader.Peek());
        Assert.Throws<ObjectDisposedException>(() => reader.ReadAsync(new char[4].AsMemory(), TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());
        reader.Dispose(); // twice is harmless

        var kept = new StringReader("abc");
        using (new NormalizingTextReader(kept, ArabicNormalizer.Default, leaveOpen: true))
        {
        }

        Assert.Equal('a', kept.Read());
    }

    [Fact]
    public void NormalizingTextReader_NullArguments_Throw()
    {
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => new NormalizingTextReader(null!, ArabicNormalizer.Default)).ParamName);
        Assert.Equal("normalizer", Assert.Throws<ArgumentNullException>(() => new NormalizingTextReader(new StringReader(""), null!)).ParamName);
    }

    [Fact]
    public async Task NormalizingTextReader_ReadAsyncCanceled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        using var reader = new NormalizingTextReader(new NeverReader(), ArabicNormalizer.Default);
        ValueTask<int> pending = reader.ReadAsync(new char[16].AsMemory(), cts.Token);
        Assert.False(pending.IsCompleted); // waiting for the inner reader
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);

        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(new char[16].AsMemory(), canceled.Token));
    }

    // ---- NormalizingStream ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizingStream_AnyReadSizes_EqualsNormalizeUtf8(ScalarText text, OptionsCase options, ReadSizes inner, ReadSizes outer)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        using var stream = new NormalizingStream(new ShortReadStream(source, inner.Sizes), options.Normalizer);
        byte[] expected = s_strict.GetBytes(options.Normalizer.Normalize(text.Value));
        Assert.Equal(expected, ReadAll(stream, outer.Sizes));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void NormalizingStream_AnyReadSizesAsync_EqualsNormalizeUtf8(ScalarText text, OptionsCase options, ReadSizes inner, ReadSizes outer)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        using var stream = new NormalizingStream(new ShortReadStream(source, inner.Sizes), options.Normalizer);
        byte[] expected = s_strict.GetBytes(options.Normalizer.Normalize(text.Value));
        Assert.Equal(expected, ReadAllAsync(stream, outer.Sizes).GetAwaiter().GetResult());
    }

    [Theory]
    [MemberData(nameof(BoundaryTexts))]
    public void NormalizingStream_TinyReadsAcrossUtf8Sequences_EqualsNormalizeUtf8(string why, string text)
    {
        if (Generators.HasLoneSurrogate(text))
        {
            text = text.Replace("\uD83Bx\uDE00\uD800", "x", StringComparison.Ordinal); // UTF-8 has no lone surrogates
        }

        byte[] source = s_strict.GetBytes(text);
        foreach (ArabicNormalizer normalizer in Normalizers())
        {
            foreach (int[] sizes in new[] { new[] { 1 }, [2], [3], [1, 2, 5], [7] })
            {
                using var stream = new NormalizingStream(new ShortReadStream(source, sizes), normalizer);
                Assert.True(s_strict.GetBytes(normalizer.Normalize(text)).AsSpan().SequenceEqual(ReadAll(stream, sizes)), why);
            }

            using var byByte = new NormalizingStream(new MemoryStream(source), normalizer);
            var bytes = new List<byte>();
            for (int b = byByte.ReadByte(); b >= 0; b = byByte.ReadByte())
            {
                bytes.Add((byte)b);
            }

            Assert.Equal(s_strict.GetBytes(normalizer.Normalize(text)), bytes);
        }
    }

    [Fact]
    public void NormalizingStream_UnderStreamReader_ReadsTheNormalizedText()
    {
        string text = TestText.ReadSeed();
        using var reader = new StreamReader(new NormalizingStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), ArabicNormalizer.Default));
        Assert.Equal(ArabicNormalizer.Default.Normalize(text), reader.ReadToEnd());
    }

    [Fact]
    public async Task NormalizingStream_UnderJsonSerializer_DeserializesTheNormalizedDocument()
    {
        // Keys and values with FARSI YEH, KEHEH, Persian digits and TATWEEL; no curly quotes, which Quotes=Ascii would
        // turn into JSON syntax (see the type's remarks).
        var article = new Dictionary<string, string>
        {
            ["\u0639\u0646\u0648\u0627\u0646"] = "\u06A9\u062A\u0627\u0628 \u06F1\u06F4\u06F0\u06F3", // title: KEHEH-TEH-ALEF-BEH, 1403
            ["body"] = "\u0639\u0644\u0640\u0640\u06CC \u0641\u06CC \u0627\u0644\u0645\u062F\u0631\u0633\u0629",
        };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(article, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.True(Encoding.UTF8.GetString(json).Contains('\u06CC', StringComparison.Ordinal)); // raw UTF-8, not \u escapes

        var expected = article.ToDictionary(p => ArabicNormalizer.Default.Normalize(p.Key), p => ArabicNormalizer.Default.Normalize(p.Value));
        using (var stream = new NormalizingStream(new ShortReadStream(json, [3, 1, 7]), ArabicNormalizer.Default))
        {
            Assert.Equal(expected, JsonSerializer.Deserialize<Dictionary<string, string>>(stream));
        }

        await using var asyncStream = new NormalizingStream(new ShortReadStream(json, [5]), ArabicNormalizer.Default);
        Assert.Equal(expected, await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(asyncStream, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20_000)] // past the first 16 KiB block
    public void NormalizingStream_InvalidUtf8_ReturnsTheTextBeforeThenThrowsAtTheOffset(int prefix)
    {
        byte[] source = [.. Enumerable.Repeat((byte)'a', prefix), .. Encoding.UTF8.GetBytes("\u06CC"), 0xE2, 0x28, .. "tail"u8];
        using var stream = new NormalizingStream(new ShortReadStream(source, [4096, 1, 333]), ArabicNormalizer.Default);
        var output = new MemoryStream();
        byte[] buffer = new byte[1000];
        int offset = prefix + 2; // after the prefix and the two bytes of FARSI YEH
        CompanionTests.AssertInvalidUtf8(source, offset, () =>
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }
        });

        Assert.Equal([.. Enumerable.Repeat((byte)'a', prefix), .. Encoding.UTF8.GetBytes("\u064A")], output.ToArray()); // YEH
        CompanionTests.AssertInvalidUtf8(source, offset, () => _ = stream.Read(buffer)); // and again
        CompanionTests.AssertInvalidUtf8(source, offset, () => _ = stream.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public void NormalizingStream_Capabilities_AreThoseOfAReadOnlyStream()
    {
        var stream = new NormalizingStream(new MemoryStream("abc"u8.ToArray()), ArabicNormalizer.Default);
        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        // Each refusal says why.
        Assert.Contains("cannot seek", Assert.Throws<NotSupportedException>(() => stream.Length).Message);
        Assert.Contains("cannot seek", Assert.Throws<NotSupportedException>(() => stream.Position).Message);
        Assert.Contains("cannot seek", Assert.Throws<NotSupportedException>(() => stream.Position = 0).Message);
        Assert.Contains("cannot seek", Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin)).Message);
        Assert.Contains("cannot seek", Assert.Throws<NotSupportedException>(() => stream.SetLength(0)).Message);
        Assert.Contains("read-only", Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1)).Message);
        stream.Flush(); // nothing to flush
        Assert.Equal(3, stream.Read(new byte[10], 0, 10));
        Assert.Equal(0, stream.Read(new byte[10], 0, 10)); // the end
        Assert.Equal(0, stream.Read(new byte[10], 0, 10)); // and again
        Assert.Equal(-1, stream.ReadByte());
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Read(new byte[4], 3, 2));
        stream.Dispose();
        Assert.False(stream.CanRead);
    }

    [Fact]
    public async Task NormalizingStream_Dispose_DisposesTheSourceUnlessLeftOpen_ThenReadsThrow()
    {
        var source = new MemoryStream("abc"u8.ToArray());
        var stream = new NormalizingStream(source, ArabicNormalizer.Default);
        stream.Dispose();
        Assert.False(source.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[4]));
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => stream.Flush());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => _ = await stream.ReadAsync(new byte[4], TestContext.Current.CancellationToken));
        stream.Dispose(); // twice is harmless

        var kept = new MemoryStream("abc"u8.ToArray());
        await using (new NormalizingStream(kept, ArabicNormalizer.Default, leaveOpen: true))
        {
        }

        Assert.True(kept.CanRead);
        var closed = new MemoryStream("abc"u8.ToArray());
        await new NormalizingStream(closed, ArabicNormalizer.Default).DisposeAsync();
        Assert.False(closed.CanRead);
    }

    [Fact]
    public void NormalizingStream_BadArguments_Throw()
    {
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new NormalizingStream(null!, ArabicNormalizer.Default)).ParamName);
        Assert.Equal("normalizer", Assert.Throws<ArgumentNullException>(() => new NormalizingStream(new MemoryStream(), null!)).ParamName);
        using var writeOnly = new WriteOnlyStream();
        ArgumentException unreadable = Assert.Throws<ArgumentException>(() => new NormalizingStream(writeOnly, ArabicNormalizer.Default));
        Assert.Equal("source", unreadable.ParamName);
        Assert.Contains("does not support reading", unreadable.Message);
    }

    [Fact]
    public async Task NormalizingStream_ReadAsyncCanceled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await using var stream = new NormalizingStream(new NeverStream(), ArabicNormalizer.Default);
        ValueTask<int> pending = stream.ReadAsync(new byte[16], cts.Token);
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
    }

    [Fact]
    public void NormalizingStream_ReadAfterWarmUp_AllocatesNothing()
    {
        byte[] source = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(TestText.ReadSeed(), 4)));
        using var stream = new NormalizingStream(new MemoryStream(source), ArabicNormalizer.Default);
        byte[] buffer = new byte[100];
        long total = stream.Read(buffer); // warm up: the pump's buffers are rented on the first read
        long before = GC.GetAllocatedBytesForCurrentThread();
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(ArabicNormalizer.Default.GetNormalizedUtf8Length(source), total);
    }

    private static IEnumerable<ArabicNormalizer> Normalizers() =>
        [ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian, new ArabicNormalizer(new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true })];

    private static string ReadAll(TextReader reader, int[] sizes)
    {
        var builder = new StringBuilder();
        char[] buffer = new char[64];
        for (int k = 0; ; k++)
        {
            int n = reader.Read(buffer.AsSpan(0, Math.Min(buffer.Length, sizes[k % sizes.Length])));
            if (n == 0)
            {
                return builder.ToString();
            }

            builder.Append(buffer, 0, n);
        }
    }

    private static async Task<string> ReadAllAsync(TextReader reader, int[] sizes)
    {
        var builder = new StringBuilder();
        char[] buffer = new char[64];
        for (int k = 0; ; k++)
        {
            int n = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, sizes[k % sizes.Length])));
            if (n == 0)
            {
                return builder.ToString();
            }

            builder.Append(buffer, 0, n);
        }
    }

    private static byte[] ReadAll(Stream stream, int[] sizes)
    {
        var output = new MemoryStream();
        byte[] buffer = new byte[64];
        for (int k = 0; ; k++)
        {
            int n = stream.Read(buffer.AsSpan(0, Math.Min(buffer.Length, sizes[k % sizes.Length])));
            if (n == 0)
            {
                return output.ToArray();
            }

            output.Write(buffer, 0, n);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int[] sizes)
    {
        var output = new MemoryStream();
        byte[] buffer = new byte[64];
        for (int k = 0; ; k++)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, sizes[k % sizes.Length])));
            if (n == 0)
            {
                return output.ToArray();
            }

            output.Write(buffer, 0, n);
        }
    }

    /// <summary>A reader whose asynchronous reads complete only when canceled.</summary>
    private sealed class NeverReader : TextReader
    {
        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    /// <summary>A stream whose asynchronous reads complete only when canceled.</summary>
    private sealed class NeverStream : ReadOnlyTestStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(Span<byte> buffer) => throw new NotSupportedException();
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
