namespace FluxPerf.Reporting;

/// <summary>Writes a file through a temporary sibling and a rename, so a reader or a crash never
/// sees it half-written.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes the file by calling <paramref name="write"/> on a temporary stream.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                await write(stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
