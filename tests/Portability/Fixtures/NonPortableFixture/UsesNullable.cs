namespace NonPortableFixture
{
    /// <summary>Forbidden: int? — Nullable&lt;T&gt; needs generics.</summary>
    public static class UsesNullable
    {
        public static int LengthOrZero(string text)
        {
            int? length = text == null ? (int?)null : text.Length;
            return length.GetValueOrDefault();
        }
    }
}
