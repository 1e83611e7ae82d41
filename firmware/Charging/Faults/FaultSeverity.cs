namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>Severity classes of the fault catalogue of CPH §4 « Dépannage ».</summary>
    public enum FaultSeverity
    {
        /// <summary>Mineur: degraded, reported.</summary>
        Minor = 0,

        /// <summary>Majeur: charging stops until the condition clears.</summary>
        Major = 1,

        /// <summary>Critique: charging stops until service.</summary>
        Critical = 2,
    }
}
