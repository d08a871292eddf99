using FluxPerf.MockServer;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerSettingsTests
{
    [Test]
    public void TryCreate_RecipeSettings_OverrideTheDefaults()
    {
        var ok = MockServerSettings.TryCreate(
            new Dictionary<string, string> { ["prefill_ms_per_token"] = "0.3", ["itl_ms"] = "7" },
            out var options, out var errors);

        Assert.That(ok, Is.True, string.Join("; ", errors));
        Assert.That((options.PrefillMsPerToken, options.ItlMs), Is.EqualTo((0.3, 7.0)));
    }

    [Test]
    public void TryCreate_UnknownNameAndBadValue_NameEachOneAndWhatIsAllowed()
    {
        var unknown = MockServerSettings.TryCreate(
            new Dictionary<string, string> { ["prefil_ms"] = "0.3" }, out _, out var unknownErrors);
        var bad = MockServerSettings.TryCreate(
            new Dictionary<string, string> { ["itl_ms"] = "fast" }, out _, out var badErrors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown, Is.False);
            Assert.That(unknownErrors.Single(), Does.Contain("unknown option \"prefil_ms\"")
                .And.Contains("prefill_ms_per_token"));
            Assert.That(bad, Is.False);
            Assert.That(badErrors, Has.Some.Contains("fast"));
        }
    }
}
