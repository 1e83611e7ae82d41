// System.Net.Http (nanoFramework.System.Net.Http.Server 1.5), nanoFramework.System.Net.Http/Http/*.cs.
// The BCL reference assemblies System.Net.HttpListener and System.Net.WebHeaderCollection are removed
// (NanoFrameworkFacade.targets): the BCL types have other members (NameValueCollection-based headers).
using System.IO;

namespace System.Net
{
    // T class System.Net.HttpListener : System.Object
    public class HttpListener
    {
        // C System.Net.HttpListener..ctor(System.String, System.Int32, System.Net.IPAddress = null)
        public HttpListener(string prefix, int port, IPAddress localEndpointIP = null) { throw null; }

        // M System.Net.HttpListener.Start() : System.Void
        public void Start() { throw null; }

        // M System.Net.HttpListener.Close() : System.Void
        public void Close() { throw null; }

        // M System.Net.HttpListener.GetContext() : System.Net.HttpListenerContext
        public HttpListenerContext GetContext() { throw null; }
    }

    // T class System.Net.HttpListenerContext : System.Object
    public class HttpListenerContext
    {
        // No public constructor: contexts come from HttpListener.GetContext.
        internal HttpListenerContext() { }

        // P System.Net.HttpListenerContext.Request : System.Net.HttpListenerRequest {get}
        public HttpListenerRequest Request { get { throw null; } }

        // P System.Net.HttpListenerContext.Response : System.Net.HttpListenerResponse {get}
        public HttpListenerResponse Response { get { throw null; } }

        // M System.Net.HttpListenerContext.Close() : System.Void
        public void Close() { throw null; }
    }

    // T class System.Net.HttpListenerRequest : System.Object
    public class HttpListenerRequest
    {
        internal HttpListenerRequest() { }

        // P System.Net.HttpListenerRequest.ContentLength64 : System.Int64 {get}
        public long ContentLength64 { get { throw null; } }

        // P System.Net.HttpListenerRequest.ContentType : System.String {get}
        public string ContentType { get { throw null; } }

        // P System.Net.HttpListenerRequest.Headers : System.Net.WebHeaderCollection {get}
        public WebHeaderCollection Headers { get { throw null; } }

        // P System.Net.HttpListenerRequest.HttpMethod : System.String {get}
        public string HttpMethod { get { throw null; } }

        // P System.Net.HttpListenerRequest.InputStream : System.IO.Stream {get}
        public Stream InputStream { get { throw null; } }

        // P System.Net.HttpListenerRequest.RawUrl : System.String {get}
        public string RawUrl { get { throw null; } }
    }

    // T sealed class System.Net.HttpListenerResponse : System.Object, System.IDisposable
    public sealed class HttpListenerResponse : IDisposable
    {
        internal HttpListenerResponse() { }

        // P System.Net.HttpListenerResponse.ContentLength64 : System.Int64 {get;set}
        public long ContentLength64 { get { throw null; } set { throw null; } }

        // P System.Net.HttpListenerResponse.ContentType : System.String {get;set}
        public string ContentType { get { throw null; } set { throw null; } }

        // P System.Net.HttpListenerResponse.Headers : System.Net.WebHeaderCollection {get;set}
        public WebHeaderCollection Headers { get { throw null; } set { throw null; } }

        // P System.Net.HttpListenerResponse.OutputStream : System.IO.Stream {get}
        public Stream OutputStream { get { throw null; } }

        // P System.Net.HttpListenerResponse.StatusCode : System.Int32 {get;set}
        public int StatusCode { get { throw null; } set { throw null; } }

        // M System.Net.HttpListenerResponse.Close() : System.Void
        public void Close() { throw null; }

        // nanoFramework implements IDisposable explicitly (explicit implementations are not in the api lists).
        void IDisposable.Dispose() { throw null; }
    }

    // T class System.Net.WebHeaderCollection : System.Object
    public class WebHeaderCollection
    {
        // C System.Net.WebHeaderCollection..ctor()
        public WebHeaderCollection() { throw null; }

        // P System.Net.WebHeaderCollection.Item[System.String] : System.String {get}
        public string this[string header] { get { throw null; } }

        // M System.Net.WebHeaderCollection.Add(System.String, System.String) : System.Void
        public void Add(string name, string value) { throw null; }
    }
}
