using FluxPerf.Configuration;
using FluxPerf.Configuration.Recipes;

namespace FluxPerf.Tests.Configuration;

[TestFixture]
public sealed class RecipeLoaderTests : TempFolderTests
{
    [SetUp]
    public void WriteDataset()
    {
        File.WriteAllText(Path.Combine(Folder, "data.jsonl"), "{\"prompt\": \"hello\"}\n");
    }

    [Test]
    public void Load_OriginalFormat_StagesOverrideGlobalAndPathsResolveAgainstTheRecipe()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: http://localhost:8000/v1/chat/completions
              mode: multi_turn
              max_output_tokens: 64
            stages:
              - name: "Stage 1"
                concurrency_levels: [5, 10]
                num_samples: [20, 40]
                env:
                  CUSTOM_VAR: "value"
              - name: second
                mode: dual_round
                concurrency_levels: [2]
            """);

        var recipe = RecipeLoader.Load(path);

        var (first, second) = (recipe.Stages[0], recipe.Stages[1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recipe.Stages, Has.Count.EqualTo(2));
            Assert.That(first.Name, Is.EqualTo("Stage 1"));
            Assert.That(first.Config.Mode, Is.EqualTo(BenchmarkMode.MultiTurn));
            Assert.That(first.Config.ConcurrencyLevels, Is.EqualTo(new[] { 5, 10 }));
            Assert.That(first.Config.NumSamples, Is.EqualTo(new[] { 20, 40 }));
            Assert.That(first.Config.DatasetPath, Is.EqualTo(Path.Combine(Folder, "data.jsonl")));
            Assert.That(first.Environment["CUSTOM_VAR"], Is.EqualTo("value"));
            Assert.That(second.Config.Mode, Is.EqualTo(BenchmarkMode.DualRound));
            Assert.That(second.Config.MaxOutputTokens, Is.EqualTo(64), "inherited from global");
        }
    }

    [Test]
    public void Load_UnknownKeysAndBadValues_ReportsEveryProblemWithLineAndHint()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: http://localhost:8000/v1/chat/completions
              concurency_levels: [4]
            stages:
              - name: a
                mode: triple_round
                max_output_tokens: lots
            """);

        var error = Assert.Throws<ConfigurationException>(() => RecipeLoader.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Problems, Has.Count.EqualTo(3));
            Assert.That(error.Problems, Has.Some.Contains($"{path}:4:3")
                .And.Contains("did you mean \"concurrency_levels\"?"));
            Assert.That(error.Problems, Has.Some.Contains($"{path}:7:11")
                .And.Contains("\"triple_round\"").And.Contains("dual_round, multi_turn"));
            Assert.That(error.Problems, Has.Some.Contains($"{path}:8:24").And.Contains("\"lots\""));
        }
    }

    [Test]
    public void Load_BadGlobalValueWithSeveralStages_IsReportedOnce()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: http://localhost:8000/v1/chat/completions
              seed: forty-two
            stages:
              - name: a
              - name: b
              - name: c
            """);

        var error = Assert.Throws<ConfigurationException>(() => RecipeLoader.Load(path));

        Assert.That(error!.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0], Does.StartWith($"{path}:4:9").And.Contain("\"forty-two\""));
    }

    [Test]
    public void Load_InvalidYaml_NamesFileLineAndColumn()
    {
        var path = Write("global:\n  dataset: [unclosed\nstages: []\n");

        var error = Assert.Throws<ConfigurationException>(() => RecipeLoader.Load(path));

        Assert.That(error!.Message, Does.StartWith(path + ":").And.Contains("not valid YAML"));
    }

    [Test]
    public void Load_VariableInterpolationAndLiteralKey_KeyNeverInTheConfiguration()
    {
        Environment.SetEnvironmentVariable("FLUXPERF_TEST_MODEL", "my-model");
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: http://localhost:8000/v1/chat/completions
              model: ${FLUXPERF_TEST_MODEL}
              api_key: sk-secret-value-for-tests
            stages:
              - name: a
            """);

        var recipe = RecipeLoader.Load(path);

        var config = recipe.Stages[0].Config;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Model, Is.EqualTo("my-model"));
            Assert.That(config.ApiKeyEnvironmentVariable,
                Is.EqualTo(RecipeLoader.LiteralKeyVariable));
            Assert.That(config.ToString(), Does.Not.Contain("sk-secret-value-for-tests"));
            Assert.That(recipe.Warnings, Has.Some.Contains("api_key_env"));
            Assert.That(recipe.Warnings, Has.None.Contains("sk-secret"));
        }
    }

    [Test]
    public void Load_UnsetVariable_SaysWhichOne()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: ${FLUXPERF_TEST_NOT_SET_ANYWHERE}
            stages:
              - name: a
            """);

        var error = Assert.Throws<ConfigurationException>(() => RecipeLoader.Load(path));

        Assert.That(error!.Message, Does.Contain("FLUXPERF_TEST_NOT_SET_ANYWHERE is not set"));
    }

    [Test]
    public void Load_MockServerStage_NeedsNoEndpointOrResetUrl()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              reset_cache_between_rounds: true
              mock_server: {enabled: true, prefill_ms_per_token: 0.3}
            stages:
              - name: a
            """);

        var stage = RecipeLoader.Load(path).Stages[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.UsesEmbeddedMock, Is.True);
            Assert.That(stage.MockServer!["prefill_ms_per_token"], Is.EqualTo("0.3"));
            Assert.That(stage.Config.Endpoint, Is.Null);
        }
    }

    [Test]
    public void Load_Overrides_BeatGlobalButNotTheStage()
    {
        var path = Write("""
            global:
              dataset: data.jsonl
              endpoint: http://localhost:8000/v1/chat/completions
              model: global-model
            stages:
              - name: a
              - name: b
                model: stage-model
            """);

        var recipe = RecipeLoader.Load(path, c => c with { Model = "flag-model" });

        Assert.That(recipe.Stages.Select(s => s.Config.Model),
            Is.EqualTo(new[] { "flag-model", "stage-model" }));
    }

    [Test]
    public void Load_ShippedExampleRecipes_AllLoad()
    {
        var examples = RepositoryPaths.Combine("examples");
        var recipes = Directory.GetFiles(examples, "recipe_*.yaml");

        Assert.That(recipes, Is.Not.Empty);
        Assert.That(() => recipes.Select(r => RecipeLoader.Load(r)).ToArray(), Throws.Nothing);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(Folder, "recipe.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
