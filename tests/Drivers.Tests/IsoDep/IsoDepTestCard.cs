using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>An ISO/IEC 14443-4 card (SAK 0x20, 7-byte UID) running a test application; ATS parameters by init.</summary>
public sealed class IsoDepTestCard : VirtualCard
{
    private readonly IIsoDepCardApplication _application;

    /// <summary>Creates the card with the DESFire EV1 ATS defaults unless overridden.</summary>
    public IsoDepTestCard(IIsoDepCardApplication application)
        : base(new byte[] { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC }, "ISO-DEP test card")
    {
        _application = application;
        Sak = 0x20;
    }

    /// <inheritdoc />
    public override IIsoDepCardApplication IsoDepApplication => _application;
}
