using FluxPerf.Configuration;

namespace FluxPerf.Tests.Running;

[TestFixture]
public sealed class BenchmarkConfigTests
{
    [Test]
    public void Validate_SeveralProblems_ReportsEveryOneQuotingTheValue()
    {
        var config = new BenchmarkConfig
        {
            DatasetPath = "/no/such/dataset.jsonl",
            Endpoint = new Uri("ftp://host/v1/models"),
            ConcurrencyLevels = [0, 4],
            NumSamples = [-1, 8],
            Temperature = 3,
            ResetCacheBetweenRounds = true,
        };

        var problems = config.Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Some.Contains("\"/no/such/dataset.jsonl\" does not exist"));
            Assert.That(problems, Has.Some.Contains("\"ftp://host/v1/models\""));
            Assert.That(problems, Has.Some.Contains("concurrency level 0"));
            Assert.That(problems, Has.Some.Contains("num_samples -1"));
            Assert.That(problems, Has.Some.Contains("temperature 3"));
            Assert.That(problems, Has.Some.Contains("reset_cache_url is missing"));
        }
    }

    [Test]
    public void SamplesForLevels_ListsOfDifferentLength_TakeTwiceTheConcurrencyAndSaySo()
    {
        var config = new BenchmarkConfig { ConcurrencyLevels = [2, 5], NumSamples = [10] };

        var (samples, note) = config.SamplesForLevels();

        Assert.That(samples, Is.EqualTo(new[] { 4, 10 }));
        Assert.That(note, Does.Contain("2 × its concurrency"));
    }
}
