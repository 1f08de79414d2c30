namespace ArabicNorm;

// The comparer: equality, hashing and ordering of texts by their normalized forms.
public sealed partial class ArabicNormalizer
{
    private NormalizedStringComparer? _comparer;

    /// <summary>Gets a comparer that treats two texts as equal when this normalizer gives them the same
    /// normalized form.</summary>
    /// <remarks>Use it for deduplication, <see cref="Dictionary{TKey, TValue}"/> and <see cref="HashSet{T}"/> keys,
    /// <c>Distinct</c> and sorting: see <see cref="NormalizedStringComparer"/> for its contract. The same instance is
    /// returned on every call.</remarks>
    public NormalizedStringComparer Comparer => _comparer ??= new NormalizedStringComparer(this);
}
