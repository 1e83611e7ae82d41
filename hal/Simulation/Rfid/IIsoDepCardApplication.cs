namespace Wallbox.Hal.Simulation;

/// <summary>
/// What an ISO/IEC 14443-4 card runs above the transport (e.g. the DESFire EV1 command set): it receives each
/// complete command (the INF fields of a chain, reassembled by the simulated ISO-DEP layer) and returns the complete
/// response, which the layer splits into blocks of the reader's frame size.
/// </summary>
public interface IIsoDepCardApplication
{
    /// <summary>
    /// Processes one command of <paramref name="count"/> bytes at <paramref name="offset"/> of
    /// <paramref name="command"/>; writes the response to <paramref name="response"/> (at least 512 bytes) and returns
    /// its length.
    /// </summary>
    int Process(byte[] command, int offset, int count, byte[] response);

    /// <summary>
    /// The card lost power (left the field) or was deselected (S(DESELECT), HLTA): volatile state such as the
    /// selected application and an authentication ends, as on the real card.
    /// </summary>
    void Reset();

    /// <summary>
    /// Extra processing time of the last command, in frame waiting times (FWT) of the card's ATS: 0 for an immediate
    /// answer; n &gt; 0 makes the simulated ISO-DEP layer request waiting-time extensions (S(WTX)) before answering,
    /// as a card writing to its EEPROM does.
    /// </summary>
    int LastCommandExtraFrameWaitingTimes { get; }
}
