namespace Wallbox.Hal
{
    /// <summary>
    /// A voltage input scaled to millivolts at the connector side of the board's divider, e.g. the
    /// proximity-pilot (PP) resistor coding of a Type 2 socket (IEC 61851-1 Annex B).
    /// </summary>
    public interface IAnalogInput
    {
        /// <summary>Reads the input. Returns false on a conversion error.</summary>
        bool TryReadMillivolts(out int millivolts);
    }
}
