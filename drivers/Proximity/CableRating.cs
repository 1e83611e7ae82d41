namespace Wallbox.Drivers.Proximity
{
    /// <summary>What the proximity-pilot resistor of a plugged cable says (IEC 61851-1 Annex B, Table B.2).</summary>
    public enum CableRating
    {
        /// <summary>No cable in the socket (PP open).</summary>
        NoCable = 0,

        /// <summary>13 A cable (Rc 1.5 kΩ).</summary>
        Amps13 = 13,

        /// <summary>20 A cable (Rc 680 Ω).</summary>
        Amps20 = 20,

        /// <summary>32 A cable (Rc 220 Ω).</summary>
        Amps32 = 32,

        /// <summary>63 A (three-phase) / 70 A (single-phase) cable (Rc 100 Ω).</summary>
        Amps63 = 63,

        /// <summary>Resistance outside every coding range, or the reading failed: charging is refused (CPH-66 invalid-cable-detected).</summary>
        Invalid = -1,
    }
}
