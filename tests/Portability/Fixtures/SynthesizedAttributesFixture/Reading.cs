namespace SynthesizedAttributesFixture
{
    /// <summary>A readonly struct: the compiler marks it with IsReadOnlyAttribute.</summary>
    public readonly struct Reading
    {
        public Reading(int milliamps, string? label)
        {
            Milliamps = milliamps;
            Label = label;
        }

        public int Milliamps { get; }

        /// <summary>A nullable annotation: the compiler records it with NullableAttribute/NullableContextAttribute.</summary>
        public string? Label { get; }
    }

    public static class ReadingMath
    {
        /// <summary>An 'in' parameter: marked with IsReadOnlyAttribute too.</summary>
        public static int Double(in Reading reading)
        {
            return reading.Milliamps * 2;
        }

        public static string Describe(Reading reading, string? fallback)
        {
            return reading.Label ?? fallback ?? "none";
        }
    }
}
