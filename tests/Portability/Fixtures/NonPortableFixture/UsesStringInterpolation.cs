namespace NonPortableFixture
{
    /// <summary>
    /// Forbidden: string interpolation with a non-string value — the host compiler lowers it to
    /// DefaultInterpolatedStringHandler, which nanoFramework does not have.
    /// </summary>
    public static class UsesStringInterpolation
    {
        public static string Describe(int amps)
        {
            return $"limit {amps} A";
        }
    }
}
