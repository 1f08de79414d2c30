namespace ArabicNorm.Fuzz;

/// <summary>One fuzz target: an API family and the laws its answers must keep, for any input bytes.</summary>
/// <remarks>A target throws <see cref="LawViolationException"/> when a law fails; any other exception escaping it is a
/// finding too (law L5: no input makes a method throw). To add a target, write one class and list it in
/// <see cref="FuzzTargets.All"/>.</remarks>
internal interface IFuzzTarget
{
    /// <summary>Gets the name used on the command line and for the corpus and findings folders.</summary>
    string Name { get; }

    /// <summary>Runs the laws on one input.</summary>
    void Run(ReadOnlySpan<byte> data);
}

/// <summary>Lists the fuzz targets.</summary>
internal static class FuzzTargets
{
    /// <summary>Gets every target.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new Utf16SpanTarget(),
        new Utf8SpanTarget(),
        new StreamTarget(),
        new OffsetsTarget(),
        new ReportTarget(),
        new ComparerTarget(),
        new FindTarget(),
        new CharFilterTarget(),
    ];

    /// <summary>Finds a target by name (<c>canary</c>, which breaks on purpose, included).</summary>
    public static IFuzzTarget? Find(string name) =>
        All.Append(new CanaryTarget()).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
