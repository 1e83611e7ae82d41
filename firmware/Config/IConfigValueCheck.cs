namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// A rule a text value must follow beyond its length and character set (a comma-separated list of supported
    /// measurands, a phase-rotation list, ...). Attached to a key with <see cref="ConfigKey.Checked"/>; the store runs
    /// it on every write and at load, so a value that breaks it is never stored or used (FXP-48: rejected, nothing changes).
    /// </summary>
    public interface IConfigValueCheck
    {
        /// <summary>Returns null when <paramref name="value"/> is acceptable, otherwise why it is not (names the offending part).</summary>
        string Check(string value);
    }
}
