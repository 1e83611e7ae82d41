namespace Wallbox.Boards.Virtual.Control;

/// <summary>
/// The one-line answer to a control command: <c>ok: …</c> when it was carried out, <c>error: …</c> when not
/// (HTTP 200 and 400). <see cref="Quit"/> asks the run loop to stop.
/// </summary>
public sealed class ControlReply
{
    private ControlReply(bool ok, string message, bool quit)
    {
        Ok = ok;
        Message = message;
        Quit = quit;
    }

    /// <summary>True when the command was carried out.</summary>
    public bool Ok { get; }

    /// <summary>What happened (without the ok/error prefix).</summary>
    public string Message { get; }

    /// <summary>True when the virtual wallbox should stop.</summary>
    public bool Quit { get; }

    /// <summary>The line as shown: <c>ok: message</c> or <c>error: message</c>.</summary>
    public string Text => (Ok ? "ok: " : "error: ") + Message;

    /// <summary>A command carried out.</summary>
    public static ControlReply Success(string message, bool quit = false) => new(true, message, quit);

    /// <summary>A command refused or not understood.</summary>
    public static ControlReply Failure(string message) => new(false, message, false);

    /// <inheritdoc />
    public override string ToString() => Text;
}
