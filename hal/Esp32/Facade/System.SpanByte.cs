// mscorlib (nanoFramework.CoreLibrary 1.17), System/SpanByte.cs.
namespace System
{
    // T readonly ref struct System.SpanByte : System.ValueType
    public readonly ref struct SpanByte
    {
        // C System.SpanByte..ctor(System.Byte[], System.Int32, System.Int32)
        public SpanByte(byte[] array, int start, int length) { throw null; }
    }
}
