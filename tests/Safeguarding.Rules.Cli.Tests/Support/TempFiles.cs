namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>A temporary folder for one test's input and output files, deleted afterwards.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sgr-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
