using System.Linq;

namespace NonPortableFixture
{
    /// <summary>Forbidden: LINQ — System.Linq does not exist on nanoFramework.</summary>
    public static class UsesLinq
    {
        public static int CountPositive(int[] values)
        {
            return values.Where(IsPositive).Count();
        }

        private static bool IsPositive(int value)
        {
            return value > 0;
        }
    }
}
