namespace FluxPerf.Datasets.Conversion;

/// <summary>One turn of a ShareGPT conversation: its mapped role and text.</summary>
internal sealed record ShareGptTurn(ShareGptRole Role, string Text);
