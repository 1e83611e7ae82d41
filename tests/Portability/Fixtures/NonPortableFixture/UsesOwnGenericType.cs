namespace NonPortableFixture
{
    /// <summary>Forbidden: an own generic type — nanoFramework 1.x cannot load generic definitions.</summary>
    public sealed class Box<T>
    {
        private readonly T _value;

        public Box(T value)
        {
            _value = value;
        }

        public T Value
        {
            get { return _value; }
        }
    }
}
