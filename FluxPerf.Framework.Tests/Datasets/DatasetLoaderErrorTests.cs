using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

[TestFixture]
public sealed class DatasetLoaderErrorTests
{
    private TempDatasetDirectory _files = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _files = new TempDatasetDirectory();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(_files.Path, "nope.json");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(error.Message, Does.StartWith(path).And.Contain("does not exist"));
    }

    [Test]
    public void Load_InvalidJson_NamesFileLineAndExpectedLayout()
    {
        var path = _files.Write("broken.json", """
            [
              {"text": "fine"},
              {"text": "missing quote},
              {"text": "never read"}
            ]
            """);

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith($"{path}:3:"));
            Assert.That(error.Message, Does.Contain("not valid JSON"));
            Assert.That(error.Message, Does.Contain("expected a JSON array of entries"));
            Assert.That(error.Message, Does.Not.Contain("LineNumber"));
        }
    }

    [Test]
    public void Load_InvalidJsonLine_NamesFileAndLine()
    {
        var path = _files.WriteLines("broken.jsonl", """{"text": "a"}""", """{"text": "b",}""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(error.Message, Does.StartWith($"{path}:2:").And.Contain("not valid JSON"));
    }

    [Test]
    public void Load_JsonLineHoldingAnArray_SaysEachLineMustBeAnObject()
    {
        var path = _files.WriteLines(
            "arrays.jsonl",
            """{"text": "a"}""",
            """[{"text": "b"}, {"text": "c"}]""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith($"{path}:2:"));
            Assert.That(error.Message, Does.Contain("holds an array"));
            Assert.That(error.Message, Does.Contain("must be one entry object"));
        }
    }

    [Test]
    public void Load_TopLevelNumber_SaysWhichLayoutsAreAccepted()
    {
        var path = _files.Write("number.json", "42");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(
            error.Message,
            Does.Contain("top-level JSON value is 42").And.Contain("\"data\" array"));
    }

    [Test]
    public void Load_ArrayElementNotAnObject_NamesItsIndex()
    {
        var path = _files.Write("strings.json", """[{"text": "a"}, "just a string"]""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(
            error.Message,
            Does.StartWith($"{path}: entry [1] is \"just a string\"")
                .And.Contain("\"conversations\""));
    }

    [Test]
    public void Load_OnlyUnknownShapes_FailsListingAcceptedShapes()
    {
        var path = _files.Write("longbench.json", """[{"input": "q", "context": "long text"}]""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith($"{path}: none of its 1 entries"));
            Assert.That(error.Message, Does.Contain("entry [0]: no known entry keys"));
            foreach (var key in new[] { "text", "prompt", "user_messages", "conversations",
                "messages", "turns" })
            {
                Assert.That(error.Message, Does.Contain($"\"{key}\""));
            }
        }
    }

    [TestCase("empty.json", "[]")]
    [TestCase("empty.jsonl", "\n\n")]
    [TestCase("empty-data.json", """{"data": []}""")]
    public void Load_NoEntries_SaysTheDatasetIsEmpty(string fileName, string content)
    {
        var path = _files.Write(fileName, content);

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(error.Message, Does.StartWith(path).And.Contain("has no entries"));
    }

    [Test]
    public void Load_EmptyFile_NamesTheFile()
    {
        var path = _files.Write("zero.json", "");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(error.Message, Does.StartWith(path));
    }

    [TestCase("\"64\"")]
    [TestCase("-1")]
    [TestCase("12.5")]
    public void Load_BadMaxTokens_NamesEntryAndValue(string maxTokens)
    {
        var path = _files.Write("budget.json",
            $$"""[{"text": "a"}, {"text": "b", "max_tokens": {{maxTokens}}}]""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(
            error.Message,
            Does.StartWith($"{path}: entry [1]: \"max_tokens\" is {maxTokens}")
                .And.Contain("whole number"));
    }

    [Test]
    public void Load_IdThatIsAnObject_NamesLineAndAllowedTypes()
    {
        var path = _files.WriteLines("ids.jsonl", """{"id": {"n": 1}, "text": "a"}""");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path));

        Assert.That(
            error.Message,
            Does.StartWith($"{path}:1: \"id\" is an object").And.Contain("a string or a number"));
    }
}
