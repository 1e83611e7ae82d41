using System.Threading.Tasks;

namespace NonPortableFixture
{
    /// <summary>Forbidden: async/await — nanoFramework has no Task and no async method builders.</summary>
    public static class UsesAsync
    {
        public static async Task<int> AnswerLaterAsync()
        {
            await Task.Delay(1);
            return 42;
        }
    }
}
