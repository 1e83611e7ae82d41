using System.Collections.Generic;

namespace NonPortableFixture
{
    /// <summary>Forbidden: List&lt;T&gt; — nanoFramework 1.x has no generic collections.</summary>
    public static class UsesGenericList
    {
        public static int CountItems()
        {
            var items = new List<int>();
            items.Add(1);
            return items.Count;
        }
    }
}
