namespace FluxPerf.Datasets.Conversion;

/// <summary>How LongBench records that share one context are written.</summary>
public enum LongBenchGrouping
{
    /// <summary>Every record is an independent single-turn request (LongBench's own way).</summary>
    None,

    /// <summary>Records sharing a context become one multi-turn session: the first turn carries
    /// the context and the first question, later turns only their own question.</summary>
    Session,

    /// <summary>Records sharing a context are written as consecutive single-turn requests, each
    /// with the full context, so a prefix cache can reuse the context across requests.</summary>
    Consecutive,
}
