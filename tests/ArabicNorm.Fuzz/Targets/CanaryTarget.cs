namespace ArabicNorm.Fuzz;

/// <summary>Breaks on purpose, to show that the set-up reports what it must: a payload starting with <c>LAW</c> throws a
/// <see cref="LawViolationException"/>, one starting with <c>OOB</c> reads past a guarded span (a fatal
/// AccessViolationException). Not in <see cref="FuzzTargets.All"/>; tests/README.md shows the check.</summary>
internal sealed class CanaryTarget : IFuzzTarget
{
    private static readonly GuardedMemory s_memory = new();

    public string Name => "canary";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        _ = ArabicNormalizer.Default.Normalize(FuzzInput.DecodeUtf16(input.Payload)); // coverage, so AFL++ sees instrumentation
        ReadOnlySpan<byte> payload = s_memory.PlaceReadOnly(input.Payload, back: true);
        Law.Holds(!payload.StartsWith("LAW"u8), "canary: a law violation is reported");
        if (payload.StartsWith("OOB"u8))
        {
            ref byte first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(payload);
            byte past = Volatile.Read(ref System.Runtime.CompilerServices.Unsafe.Add(ref first, payload.Length));
            Law.Holds(past == 0, "canary: the guard page let a read through");
        }
    }
}
