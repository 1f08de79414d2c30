namespace ArabicNorm;

/// <summary>
/// Describes one behaviour of an <see cref="ArabicNormalizer"/> that a search engine's mapping char filter cannot
/// reproduce, with an example on which the two differ.
/// </summary>
/// <remarks>
/// <para>A mapping char filter replaces the longest key that matches at each position and never looks at its own
/// output again, so a rule that depends on what comes next, or on characters further away than the longest key,
/// cannot be written as a mapping. <see cref="SearchEngineExport.GetUnexpressedRules(ArabicNormalizer)"/> lists the
/// ones that apply to a normalizer's options: it keeps an item only when its example really differs.</para>
/// <para>Instances are immutable.</para>
/// </remarks>
public sealed class UnexpressedRule
{
    internal UnexpressedRule(string name, string description, string example, string expected, string mappingOutput)
    {
        Name = name;
        Description = description;
        Example = example;
        Expected = expected;
        MappingOutput = mappingOutput;
    }

    /// <summary>Gets a short identifier of the behaviour, such as <c>ContextualFarsiYeh</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what the normalizer does that the mapping does not, in one or two sentences.</summary>
    public string Description { get; }

    /// <summary>Gets an input on which the two differ.</summary>
    public string Example { get; }

    /// <summary>Gets what the normalizer makes of <see cref="Example"/>.</summary>
    public string Expected { get; }

    /// <summary>Gets what the exported mapping (and space collapsing, where the options collapse spaces) makes of <see cref="Example"/>.</summary>
    public string MappingOutput { get; }

    /// <summary>Returns the name, the description and the example as <c>\uXXXX</c> escapes.</summary>
    /// <returns>One line of text.</returns>
    public override string ToString() =>
        $"{Name}: {Description} Example: {SearchEngineExport.Escape(Example)} -> ArabicNorm {SearchEngineExport.Escape(Expected)}, mapping {SearchEngineExport.Escape(MappingOutput)}.";
}
