namespace NonPortableFixture
{
    /// <summary>Forbidden: lock — lowered to Monitor.Enter(object, ref bool); nanoFramework has only Monitor.Enter(object).</summary>
    public sealed class UsesLock
    {
        private readonly object _gate = new object();
        private int _count;

        public void Increment()
        {
            lock (_gate)
            {
                _count++;
            }
        }

        public int Count
        {
            get { return _count; }
        }
    }
}
