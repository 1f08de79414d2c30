namespace ArabicNorm;

/// <summary>Names the search engine that <see cref="SearchEngineExport.Export(ArabicNormalizer, SearchEngineTarget)"/> writes rules for.</summary>
public enum SearchEngineTarget
{
    /// <summary>Elasticsearch: index settings JSON with a <c>mapping</c> and a <c>pattern_replace</c> char filter.</summary>
    Elasticsearch = 0,

    /// <summary>OpenSearch: the same index settings JSON as <see cref="Elasticsearch"/>.</summary>
    OpenSearch = 1,

    /// <summary>Apache Solr: a <c>mapping-*.txt</c> file for <c>solr.MappingCharFilterFactory</c>.</summary>
    Solr = 2,

    /// <summary>Azure AI Search: the <c>charFilters</c> and <c>analyzers</c> of an index definition.</summary>
    AzureSearch = 3,
}
