using FluxPerf.Monitoring;
using NUnit.Framework;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
public sealed class PrometheusTextParserTests
{
    private const string Model = "meta-llama/Llama-3.1-8B-Instruct";

    private static string FixturePath =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "metrics_vllm.txt");

    [Test]
    public void Parse_VllmFixture_ReadsEveryLineWithoutWarnings()
    {
        var text = File.ReadAllText(FixturePath);

        var result = PrometheusTextParser.Parse(text);

        var sampleLines = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.SampleCount, Is.EqualTo(sampleLines));
            Assert.That(result.Format, Is.EqualTo(ExpositionFormat.PrometheusText));
        }
    }

    [Test]
    public void Parse_VllmFixture_GivesCountersAndTheirValues()
    {
        var result = PrometheusTextParser.Parse(File.ReadAllText(FixturePath));

        var queries = result.FindFamily("vllm:prefix_cache_queries_total");
        var hits = result.SamplesNamed("vllm:prefix_cache_hits_total").Single();
        var flops = result.SamplesNamed("vllm:estimated_flops_per_gpu_total").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(queries?.Type, Is.EqualTo(MetricType.Counter));
            Assert.That(queries?.Help, Does.StartWith("Prefix cache queries"));
            Assert.That(queries?.Samples.Single().Value, Is.EqualTo(200000.0));
            Assert.That(hits.Value, Is.EqualTo(99200.0));
            Assert.That(hits.GetLabel("model_name"), Is.EqualTo(Model));
            Assert.That(hits.GetLabel("engine"), Is.EqualTo("0"));
            Assert.That(flops.Value, Is.EqualTo(2.61e15));
        }
    }

    [Test]
    public void Parse_VllmFixture_GroupsHistogramSamplesUnderTheFamily()
    {
        var result = PrometheusTextParser.Parse(File.ReadAllText(FixturePath));

        var ttft = result.FindFamily("vllm:time_to_first_token_seconds");
        var buckets = ttft!.Samples
            .Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal));
        var inf = buckets.Single(s => s.GetLabel("le") == "+Inf");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ttft.Type, Is.EqualTo(MetricType.Histogram));
            Assert.That(buckets.Count(), Is.EqualTo(23));
            Assert.That(inf.Value, Is.EqualTo(200.0));
            Assert.That(ttft.Samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal))
                .Value, Is.EqualTo(19.471976038867314));
            Assert.That(result.FindFamily("vllm:time_to_first_token_seconds_created")?.Type,
                Is.EqualTo(MetricType.Gauge));
        }
    }

    [Test]
    public void Parse_CacheConfigInfo_KeepsAllLabelsInOrder()
    {
        var result = PrometheusTextParser.Parse(File.ReadAllText(FixturePath));

        var info = result.SamplesNamed("vllm:cache_config_info").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info.Labels[0].Name, Is.EqualTo("_block_size_resolved"));
            Assert.That(info.GetLabel("block_size"), Is.EqualTo("16"));
            Assert.That(info.GetLabel("enable_prefix_caching"), Is.EqualTo("True"));
            Assert.That(info.GetLabel("kv_cache_dtype_skip_layers"), Is.EqualTo("[]"));
            Assert.That(info.Value, Is.EqualTo(1.0));
        }
    }

    [Test]
    public void Parse_LabelEscapes_AreResolved()
    {
        var text = "m{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\"} 1\n";

        var sample = PrometheusTextParser.Parse(text).Families.Single().Samples.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.GetLabel("path"), Is.EqualTo(@"C:\dir"));
            Assert.That(sample.GetLabel("quote"), Is.EqualTo("say \"hi\""));
            Assert.That(sample.GetLabel("nl"), Is.EqualTo("a\nb"));
            Assert.That(sample.FormatLabels(),
                Is.EqualTo("nl=\"a\\nb\",path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\""));
        }
    }

    [Test]
    public void Parse_LabelValueWithBracesAndCommas_IsOneValue()
    {
        var text = "m{a=\"x,y}\",b=\"=\"} 2\n";

        var sample = PrometheusTextParser.Parse(text).Families.Single().Samples.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.GetLabel("a"), Is.EqualTo("x,y}"));
            Assert.That(sample.GetLabel("b"), Is.EqualTo("="));
        }
    }

    [TestCase("+Inf", double.PositiveInfinity)]
    [TestCase("-Inf", double.NegativeInfinity)]
    [TestCase("Inf", double.PositiveInfinity)]
    [TestCase("2.61e+015", 2.61e15)]
    [TestCase("1.7963143730913455e+09", 1.7963143730913455e9)]
    [TestCase("-0.5", -0.5)]
    [TestCase("42", 42.0)]
    [TestCase("1E-3", 0.001)]
    public void Parse_SpecialAndExponentValues_AreRead(string token, double expected)
    {
        var result = PrometheusTextParser.Parse($"m {token}\n");

        Assert.That(result.Families.Single().Samples.Single().Value, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_NaN_IsRead()
    {
        var result = PrometheusTextParser.Parse("m NaN\n");

        Assert.That(result.Families.Single().Samples.Single().Value, Is.NaN);
    }

    [Test]
    public void Parse_Timestamps_AreMillisecondsInTextAndSecondsInOpenMetrics()
    {
        var text04 = PrometheusTextParser.Parse("m 1 1700000000123\nn 2\n");
        var open = PrometheusTextParser.Parse("m 1 1700000000.5\n# EOF\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text04.Families[0].Samples[0].TimestampMs, Is.EqualTo(1700000000123.0));
            Assert.That(text04.Families[1].Samples[0].TimestampMs, Is.Null);
            Assert.That(open.Format, Is.EqualTo(ExpositionFormat.OpenMetrics));
            Assert.That(open.Families[0].Samples[0].TimestampMs, Is.EqualTo(1700000000500.0));
        }
    }

    [Test]
    public void Parse_InterleavedHistogramBuckets_GroupedPerFamily()
    {
        const string text = """
            # TYPE h histogram
            h_bucket{le="1",engine="0"} 1
            h_bucket{le="1",engine="1"} 3
            other 5
            h_bucket{le="+Inf",engine="1"} 4
            h_sum{engine="0"} 0.5
            h_bucket{le="+Inf",engine="0"} 2
            h_count{engine="1"} 4
            h_count{engine="0"} 2
            h_sum{engine="1"} 2.5
            """;

        var result = PrometheusTextParser.Parse(text);

        var h = result.FindFamily("h")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Families.Select(f => f.Name), Is.EqualTo(new[] { "h", "other" }));
            Assert.That(h.Samples, Has.Length.EqualTo(8));
            Assert.That(h.Samples.Count(s => s.GetLabel("engine") == "1"), Is.EqualTo(4));
        }
    }

    [Test]
    public void Parse_NoMetadata_GivesUntypedFamiliesAndInfersHistograms()
    {
        const string text = """
            requests_total{code="200"} 7
            lat_bucket{le="0.1"} 1
            lat_bucket{le="+Inf"} 2
            lat_sum 0.3
            lat_count 2
            """;

        var result = PrometheusTextParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.FindFamily("requests_total")?.Type, Is.EqualTo(MetricType.Untyped));
            Assert.That(result.FindFamily("lat")?.Type, Is.EqualTo(MetricType.Histogram));
            Assert.That(result.FindFamily("lat")!.Samples, Has.Length.EqualTo(4));
        }
    }

    [Test]
    public void Parse_SampleBeforeItsTypeLine_StillJoinsTheFamily()
    {
        var result = PrometheusTextParser.Parse("c_total 3\n# TYPE c_total counter\n");

        Assert.That(result.Families.Single().Type, Is.EqualTo(MetricType.Counter));
    }

    [Test]
    public void Parse_OpenMetricsCounterAndSummary_GroupSuffixedSamples()
    {
        const string text = """
            # TYPE req counter
            # UNIT req requests
            # HELP req Requests \"served\".
            req_total 10
            req_created 1700000000.0
            # TYPE rpc summary
            rpc{quantile="0.5"} 0.2
            rpc{quantile="0.99"} 0.9
            rpc_sum 5
            rpc_count 20
            # EOF
            """;

        var result = PrometheusTextParser.Parse(text);

        var req = result.FindFamily("req")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(req.Type, Is.EqualTo(MetricType.Counter));
            Assert.That(req.Unit, Is.EqualTo("requests"));
            Assert.That(req.Help, Is.EqualTo("Requests \"served\"."));
            Assert.That(req.Samples.Select(s => s.Name),
                Is.EqualTo(new[] { "req_total", "req_created" }));
            Assert.That(result.FindFamily("rpc")!.Samples, Has.Length.EqualTo(4));
            Assert.That(result.Warnings, Is.Empty);
        }
    }

    [Test]
    public void Parse_CrlfBlankLinesAndIndentation_AreAccepted()
    {
        const string text = "# HELP g A gauge.\r\n# TYPE g gauge\r\n\r\n"
            + "  g{a=\"1\"} 1\r\n\r\ng{a=\"2\"} 2";

        var result = PrometheusTextParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.Families.Single().Samples.Select(s => s.Value),
                Is.EqualTo(new[] { 1.0, 2.0 }));
            Assert.That(result.Families.Single().Help, Is.EqualTo("A gauge."));
        }
    }

    [Test]
    public void Parse_HelpEscapes_AreResolved()
    {
        var result = PrometheusTextParser.Parse("# HELP g Line one\\nback\\\\slash\ng 1\n");

        Assert.That(result.Families.Single().Help, Is.EqualTo("Line one\nback\\slash"));
    }

    [Test]
    public void Parse_BadLines_AreReportedWithNumbersAndGoodSamplesKept()
    {
        const string text = """
            good 1
            bad{a="1" 2
            also_bad notanumber
            {a="x"} 3
            good2{a="1"} 2 1700 extra
            # TYPE good2 sometype
            fine 3
            """;

        var result = PrometheusTextParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.BadLineCount, Is.EqualTo(5));
            Assert.That(result.Warnings.Select(w => w.LineNumber),
                Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
            Assert.That(result.Warnings[1].Reason, Does.Contain("\"notanumber\""));
            Assert.That(result.Warnings[1].Line, Is.EqualTo("also_bad notanumber"));
            Assert.That(result.Warnings[4].Reason, Does.Contain("sometype"));
            Assert.That(result.Families.Select(f => f.Name), Is.EqualTo(new[] { "good", "fine" }));
        }
    }

    [Test]
    public void Parse_ContentAfterEof_IsABadLine()
    {
        var result = PrometheusTextParser.Parse("a 1\n# EOF\nb 2\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Families.Single().Name, Is.EqualTo("a"));
            Assert.That(result.Warnings.Single().LineNumber, Is.EqualTo(3));
        }
    }

    [Test]
    public void Parse_QuotedNameAndExemplar_AreAccepted()
    {
        const string text = "{\"my.metric\",a=\"1\"} 4\nc_total 2 # {trace_id=\"abc\"} 1.0 17.5\n";

        var result = PrometheusTextParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.Families[0].Name, Is.EqualTo("my.metric"));
            Assert.That(result.Families[0].Samples[0].GetLabel("a"), Is.EqualTo("1"));
            Assert.That(result.Families[1].Samples[0].Value, Is.EqualTo(2.0));
        }
    }

    [Test]
    public void Parse_TrailingCommaAndSpacesInLabels_AreAccepted()
    {
        var result = PrometheusTextParser.Parse("m{ a = \"1\" , b=\"2\", } 5\n");

        var sample = result.Families.Single().Samples.Single();
        Assert.That(sample.FormatLabels(), Is.EqualTo("a=\"1\",b=\"2\""));
    }

    [Test]
    public void Parse_DuplicateLabel_IsABadLine()
    {
        var result = PrometheusTextParser.Parse("m{a=\"1\",a=\"2\"} 5\n");

        Assert.That(result.Warnings.Single().Reason, Does.Contain("appears twice"));
    }
}
