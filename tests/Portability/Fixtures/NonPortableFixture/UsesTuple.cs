namespace NonPortableFixture
{
    /// <summary>Forbidden: tuples — ValueTuple needs generics.</summary>
    public static class UsesTuple
    {
        public static int Sum()
        {
            var pair = (1, 2);
            return pair.Item1 + pair.Item2;
        }
    }
}
