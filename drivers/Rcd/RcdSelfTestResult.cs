namespace Wallbox.Drivers.Rcd
{
    /// <summary>Outcome of the RCD module's self-test through its TEST input.</summary>
    public enum RcdSelfTestResult
    {
        /// <summary>No test has run since construction.</summary>
        None = 0,

        /// <summary>The test is running.</summary>
        Running = 1,

        /// <summary>The module tripped on the test current and cleared again after it.</summary>
        Passed = 2,

        /// <summary>The module did not trip on the test current: its measuring coil or electronics failed (CPH-61 diff-coil-fault).</summary>
        FailedNoTrip = 3,

        /// <summary>The module did not clear after the test (or was already tripped): it cannot show a real fault.</summary>
        FailedStuck = 4,
    }
}
