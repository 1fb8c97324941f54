namespace Kaizen.Bdd;

/// <summary>Writes to the test output and records attachments in the Cucumber messages of the running step.</summary>
public interface IScenarioOutput
{
    /// <summary>Writes a line to xUnit's test output and records it as a log attachment (<c>text/x.cucumber.log+plain</c>).</summary>
    void WriteLine(string text);

    /// <summary>Records a text attachment.</summary>
    void Attach(string body, string mediaType, string? fileName = null);

    /// <summary>Records a binary attachment (base64 in the messages).</summary>
    void Attach(byte[] body, string mediaType, string? fileName = null);

    /// <summary>Records a link (<c>text/uri-list</c> attachment).</summary>
    void Link(string url);
}
