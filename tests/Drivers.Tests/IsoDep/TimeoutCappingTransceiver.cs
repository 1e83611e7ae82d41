using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>
/// A faulty reader for negative tests: passes frames to the chip but never programs a timeout longer than
/// <see cref="CapUs"/>, as a reader that answers S(WTX) yet ignores its WTXM would.
/// </summary>
public sealed class TimeoutCappingTransceiver : IContactlessFrameTransceiver
{
    private readonly IContactlessFrameTransceiver _inner;

    public TimeoutCappingTransceiver(IContactlessFrameTransceiver inner, int capUs)
    {
        _inner = inner;
        CapUs = capUs;
    }

    public int CapUs { get; }

    public int MaxFrameLength => _inner.MaxFrameLength;

    public byte[] ReceivedBuffer => _inner.ReceivedBuffer;

    public int ReceivedLength => _inner.ReceivedLength;

    public bool StartFrame(byte[] frame, int offset, int count, int timeoutUs) =>
        _inner.StartFrame(frame, offset, count, timeoutUs > CapUs ? CapUs : timeoutUs);

    public ContactlessFrameStatus PollFrame() => _inner.PollFrame();

    public void StopFrame() => _inner.StopFrame();
}
