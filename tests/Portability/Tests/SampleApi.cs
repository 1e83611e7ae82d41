namespace Wallbox.Portability.Tests;

/// <summary>Handwritten API lines in the api/*.txt format, for parser and matcher tests.</summary>
internal static class SampleApi
{
    /// <summary>Named "mscorlib" so that the real profiles allow it.</summary>
    public const string Mscorlib = """
        # source: github nanoframework/CoreLibrary commit 0000 ; assembly mscorlib
        # ref: main (2026-01-01) ; project: CoreLibrary.nfproj ; defines: NANOCLR_REFLECTION ; source files: 1
        # nuget: nanoFramework.CoreLibrary
        T class System.Object
        C System.Object..ctor()
        M System.Object.ToString() : System.String virtual
        M System.Object.Equals(System.Object) : System.Boolean virtual extern
        M System.Object.GetType() : System.Type extern [#if NANOCLR_REFLECTION]
        T abstract class System.ValueType : System.Object
        T abstract class System.Delegate : System.Object
        T abstract class System.MulticastDelegate : System.Delegate
        T struct System.Int32 : System.ValueType
        M System.Int32.ToString() : System.String override
        M System.Int32.TryParse(System.String, out System.Int32) : System.Boolean static
        T struct System.IntPtr : System.ValueType
        T struct System.Char : System.ValueType
        T struct System.Boolean : System.ValueType
        T struct System.Byte : System.ValueType
        T struct System.Void : System.ValueType
        T sealed class System.String : System.Object, System.IComparable, System.Collections.IEnumerable
        P System.String.Chars[System.Int32] : System.Char {get} extern
        P System.String.Length : System.Int32 {get} extern
        M System.String.Concat(params System.Object[]) : System.String static
        M System.String.Concat(System.String, System.String) : System.String static extern
        M System.String.PadLeft(System.Int32, System.Char = ' ') : System.String
        M System.String.Split(params System.Char[]) : System.String[] extern
        T interface System.IComparable
        T interface System.Collections.IEnumerable
        M System.Collections.IEnumerable.GetEnumerator() : System.Collections.IEnumerator
        T interface System.Collections.IEnumerator
        T interface System.Collections.ICollection : System.Collections.IEnumerable
        P System.Collections.ICollection.Count : System.Int32 {get}
        T interface System.Collections.IList : System.Collections.ICollection
        P System.Collections.IList.Item[System.Int32] : System.Object {get;set}
        T class System.Collections.ArrayList : System.Object, System.Collections.IList
        C System.Collections.ArrayList..ctor()
        P System.Collections.ArrayList.Item[System.Int32] : System.Object {get;set} virtual extern
        M System.Collections.ArrayList.Add(System.Object) : System.Int32 virtual extern
        T class System.Exception : System.Object
        C System.Exception..ctor(System.String)
        P System.Exception.Message : System.String {get} virtual
        T class System.SystemException : System.Exception
        T class System.ArgumentException : System.SystemException
        C System.ArgumentException..ctor(System.String, System.String = "a, b")
        T class System.EventArgs : System.Object
        T delegate System.EventHandler(System.Object, System.EventArgs) : System.Void
        T delegate System.Action`1<T>(T) : System.Void
        T delegate System.Func`2<T,TResult>(T) : TResult
        T enum System.DayOfWeek : System.Int32
        F System.DayOfWeek.Monday : System.DayOfWeek const
        T sealed class System.AppDomain : System.Object [#if NANOCLR_APPDOMAINS]
        P System.AppDomain.FriendlyName : System.String {get} [#if NANOCLR_APPDOMAINS]
        M System.Object.CreateDomain() : System.Object [#if NANOCLR_APPDOMAINS && NANOCLR_REFLECTION]
        T abstract class System.MarshalByRefObject : System.Object
        T abstract class System.Threading.WaitHandle : System.MarshalByRefObject
        M System.Threading.WaitHandle.WaitOne() : System.Boolean virtual
        T sealed class System.Threading.AutoResetEvent : System.Threading.WaitHandle
        C System.Threading.AutoResetEvent..ctor(System.Boolean) extern
        M System.Threading.AutoResetEvent.Set() : System.Boolean extern
        T static class System.Threading.Monitor : System.Object
        M System.Threading.Monitor.Enter(System.Object) : System.Void static extern
        """;

    public static ApiCatalog Catalog() => ApiCatalog.Parse(new[] { ("mscorlib", Mscorlib) });
}
