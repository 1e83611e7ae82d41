using System;
using Wallbox.Drivers.IsoDep;
using Wallbox.Drivers.Mfrc522;
using Wallbox.Hal.Simulation;
using Mfrc522Driver = Wallbox.Drivers.Mfrc522.Mfrc522;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>
/// The bench of the ISO-DEP tests: the simulated MFRC522 on SPI with a card in its field, the ISO/IEC 14443-3 reader
/// keeping ISO/IEC 14443-4 cards selected, and an <see cref="IsoDepLink"/> on the reader's chip. Time runs in 1 ms
/// ticks.
/// </summary>
public sealed class IsoDepBench
{
    public const int ReaderTickMs = 10;

    public IsoDepBench(int maxResponseLength = IsoDepLink.DefaultMaxResponseLength, Func<Mfrc522Driver, IContactlessFrameTransceiver> wrap = null)
    {
        Reader = new Iso14443TypeAReader(new Mfrc522Driver(Hardware.RfidSpi, Mfrc522RxGain.Gain48dB)) { KeepIso14443_4CardSelected = true };
        IContactlessFrameTransceiver transceiver = wrap == null ? Reader.Chip : wrap(Reader.Chip);
        Link = new IsoDepLink(transceiver, IsoDepLink.DefaultMaxCommandLength, maxResponseLength);
    }

    public VirtualWallboxHardware Hardware { get; } = new VirtualWallboxHardware();

    public Iso14443TypeAReader Reader { get; }

    public IsoDepLink Link { get; }

    public SimulatedMfrc522 Chip => Hardware.RfidChip;

    public SimulatedIso14443Card CardLayer => Chip.CardsInField[0];

    public SimulatedIsoDepCard Picc => CardLayer.IsoDep;

    public long NowMs => Hardware.Clock.NowMs;

    /// <summary>Presents the card and ticks the reader until it awaits the application session.</summary>
    public void Select(VirtualCard card)
    {
        Hardware.RfidField.Present(card);
        for (int t = 0; t < 1000 && !Reader.CardAwaitingApplication; t += ReaderTickMs)
        {
            Reader.Tick(NowMs);
            Hardware.Clock.AdvanceMs(ReaderTickMs);
        }

        Assert.True(Reader.CardAwaitingApplication, "the ISO/IEC 14443-4 card is selected and kept");
    }

    /// <summary>Selects the card and activates the link (RATS/ATS, SFGT); asserts it is active.</summary>
    public void SelectAndActivate(VirtualCard card)
    {
        Select(card);
        Assert.Equal(IsoDepLinkState.Active, Activate());
    }

    /// <summary>Starts activation and polls until it ends.</summary>
    public IsoDepLinkState Activate()
    {
        Assert.True(Link.StartActivation(NowMs));
        RunWhileBusy(1000);
        return Link.State;
    }

    /// <summary>Sends <paramref name="command"/> and polls until the exchange ends; the final status.</summary>
    public ApduExchangeStatus Exchange(byte[] command, int maxMs = 20_000)
    {
        Assert.True(Link.StartExchange(command, 0, command.Length, NowMs));
        return Finish(maxMs);
    }

    /// <summary>Polls once per ms until the link is no longer busy; the status of the last poll.</summary>
    public ApduExchangeStatus Finish(int maxMs = 20_000)
    {
        for (int t = 0; t < maxMs; t++)
        {
            ApduExchangeStatus status = Link.Poll(NowMs);
            if (status != ApduExchangeStatus.Busy)
            {
                return status;
            }

            Hardware.Clock.AdvanceMs(1);
        }

        throw new TimeoutException("the link is still busy after " + maxMs + " ms");
    }

    /// <summary>Polls once per ms while the link is busy and <paramref name="until"/> is false.</summary>
    public void RunWhileBusy(int maxMs, Func<bool> until = null)
    {
        for (int t = 0; t < maxMs && Link.IsBusy && (until == null || !until()); t++)
        {
            Link.Poll(NowMs);
            if (Link.IsBusy && (until == null || !until()))
            {
                Hardware.Clock.AdvanceMs(1);
            }
        }
    }

    /// <summary>Deselects (S(DESELECT)) and polls until done.</summary>
    public IsoDepLinkState Deselect()
    {
        Assert.True(Link.StartDeselect(NowMs));
        RunWhileBusy(2000);
        return Link.State;
    }

    /// <summary>The valid part of the response buffer.</summary>
    public byte[] Response() => Link.ResponseBuffer.AsSpan(0, Link.ResponseLength).ToArray();

    /// <summary>Ticks the reader for <paramref name="ms"/> ms.</summary>
    public void RunReader(int ms)
    {
        for (int t = 0; t < ms; t += ReaderTickMs)
        {
            Reader.Tick(NowMs);
            Hardware.Clock.AdvanceMs(ReaderTickMs);
        }
    }
}
