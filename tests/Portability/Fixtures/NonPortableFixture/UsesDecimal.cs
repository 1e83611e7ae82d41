namespace NonPortableFixture
{
    /// <summary>Forbidden: decimal — not supported by nanoFramework.</summary>
    public static class UsesDecimal
    {
        public static double Price(int kwh)
        {
            decimal price = kwh * 0.25m;
            return (double)price;
        }
    }
}
