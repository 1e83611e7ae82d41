// System.Net.WebSockets (nanoFramework.System.Net.WebSockets.Client 1.1), WebSockets/*.cs.
// The BCL reference assemblies System.Net.WebSockets and System.Net.WebSockets.Client are removed
// (NanoFrameworkFacade.targets): their ClientWebSocket/WebSocket are the asynchronous BCL API.
using System.Security.Cryptography.X509Certificates;
using System.Net.WebSockets.WebSocketFrame;

namespace System.Net.WebSockets
{
    // T abstract class System.Net.WebSockets.WebSocket : System.Object, System.IDisposable
    public abstract class WebSocket : IDisposable
    {
        // C System.Net.WebSockets.WebSocket..ctor(System.Net.WebSockets.WebSocketFrame.WebSocketOptions = null) protected
        protected WebSocket(WebSocketOptions options = null) { throw null; }

        // T delegate System.Net.WebSockets.WebSocket+MessageReceivedEventHandler(System.Object, System.Net.WebSockets.MessageReceivedEventArgs) : System.Void
        public delegate void MessageReceivedEventHandler(object sender, MessageReceivedEventArgs e);

        // P System.Net.WebSockets.WebSocket.State : System.Net.WebSockets.WebSocketFrame.WebSocketState {get;set} abstract
        public abstract WebSocketState State { get; set; }

        // E System.Net.WebSockets.WebSocket.ConnectionClosed : System.EventHandler
        public event EventHandler ConnectionClosed { add { throw null; } remove { throw null; } }

        // E System.Net.WebSockets.WebSocket.MessageReceived : System.Net.WebSockets.WebSocket+MessageReceivedEventHandler
        public event MessageReceivedEventHandler MessageReceived { add { throw null; } remove { throw null; } }

        // M System.Net.WebSockets.WebSocket.Abort() : System.Void
        public void Abort() { throw null; }

        // M System.Net.WebSockets.WebSocket.Close(System.Net.WebSockets.WebSocketFrame.WebSocketCloseStatus = WebSocketCloseStatus.Empty, System.String = null) : System.Void
        public void Close(WebSocketCloseStatus closeStatus = WebSocketCloseStatus.Empty, string statusDescription = null) { throw null; }

        // M System.Net.WebSockets.WebSocket.Send(System.Byte[], System.Net.WebSockets.WebSocketFrame.WebSocketMessageType, System.Int32 = -1) : System.Boolean
        public bool Send(byte[] buffer, WebSocketMessageType messageType, int fragmentSize = -1) { throw null; }

        // M System.Net.WebSockets.WebSocket.Dispose() : System.Void
        public void Dispose() { throw null; }
    }

    // T class System.Net.WebSockets.ClientWebSocket : System.Net.WebSockets.WebSocket, System.IDisposable
    public class ClientWebSocket : WebSocket, IDisposable
    {
        // C System.Net.WebSockets.ClientWebSocket..ctor(System.Net.WebSockets.ClientWebSocketOptions = null)
        public ClientWebSocket(ClientWebSocketOptions options = null) : base(options) { throw null; }

        // P System.Net.WebSockets.ClientWebSocket.CACertificate : System.Security.Cryptography.X509Certificates.X509Certificate {get;set}
        public X509Certificate CACertificate { get { throw null; } set { throw null; } }

        // P System.Net.WebSockets.ClientWebSocket.State : System.Net.WebSockets.WebSocketFrame.WebSocketState {get;set} override
        public override WebSocketState State { get { throw null; } set { throw null; } }

        // M System.Net.WebSockets.ClientWebSocket.Connect(System.String, System.Net.WebSockets.ClientWebSocketHeaders = null) : System.Void
        public void Connect(string uri, ClientWebSocketHeaders headers = null) { throw null; }
    }

    // T class System.Net.WebSockets.ClientWebSocketOptions : System.Net.WebSockets.WebSocketFrame.WebSocketOptions
    public class ClientWebSocketOptions : WebSocketOptions
    {
        // C System.Net.WebSockets.ClientWebSocketOptions..ctor() implicit
    }

    // T class System.Net.WebSockets.ClientWebSocketHeaders : System.Object
    public class ClientWebSocketHeaders
    {
        // C System.Net.WebSockets.ClientWebSocketHeaders..ctor() implicit

        // P System.Net.WebSockets.ClientWebSocketHeaders.Item[System.String] : System.String {get;set}
        public string this[string key] { get { throw null; } set { throw null; } }
    }

    // T class System.Net.WebSockets.MessageReceivedEventArgs : System.EventArgs
    public class MessageReceivedEventArgs : EventArgs
    {
        // C System.Net.WebSockets.MessageReceivedEventArgs..ctor() implicit

        // P System.Net.WebSockets.MessageReceivedEventArgs.Frame : System.Net.WebSockets.ReceiveMessageFrame {get;set}
        public ReceiveMessageFrame Frame { get { throw null; } set { throw null; } }
    }

    // T class System.Net.WebSockets.MessageFrame : System.Object
    public class MessageFrame
    {
        // C System.Net.WebSockets.MessageFrame..ctor() implicit
    }

    // T class System.Net.WebSockets.ReceiveMessageFrame : System.Net.WebSockets.MessageFrame
    public class ReceiveMessageFrame : MessageFrame
    {
        // C System.Net.WebSockets.ReceiveMessageFrame..ctor() implicit

        // P System.Net.WebSockets.ReceiveMessageFrame.Buffer : System.Byte[] {get;set}
        public byte[] Buffer { get { throw null; } set { throw null; } }

        // P System.Net.WebSockets.ReceiveMessageFrame.Fragmentation : System.Net.WebSockets.FragmentationType {get;set}
        public FragmentationType Fragmentation { get { throw null; } set { throw null; } }
    }

    // T enum System.Net.WebSockets.FragmentationType : System.Int32 (values from WebSocketFrame/FragmentationType.cs)
    public enum FragmentationType
    {
        NotFragmented = 0,
        FirstFragment = 1,
        Fragment = 2,
        FinalFragment = 3,
    }
}

namespace System.Net.WebSockets.WebSocketFrame
{
    // T class System.Net.WebSockets.WebSocketFrame.WebSocketOptions : System.Object
    public class WebSocketOptions
    {
        // C System.Net.WebSockets.WebSocketFrame.WebSocketOptions..ctor() implicit

        // P System.Net.WebSockets.WebSocketFrame.WebSocketOptions.KeepAliveInterval : System.TimeSpan {get;set}
        public TimeSpan KeepAliveInterval { get { throw null; } set { throw null; } }

        // P System.Net.WebSockets.WebSocketFrame.WebSocketOptions.MaxFragmentSize : System.Int32 {get;set}
        public int MaxFragmentSize { get { throw null; } set { throw null; } }

        // P System.Net.WebSockets.WebSocketFrame.WebSocketOptions.MaxReceiveFrameSize : System.Int32 {get;set}
        public int MaxReceiveFrameSize { get { throw null; } set { throw null; } }

        // P System.Net.WebSockets.WebSocketFrame.WebSocketOptions.ServerTimeout : System.TimeSpan {get;set}
        public TimeSpan ServerTimeout { get { throw null; } set { throw null; } }
    }

    // T enum System.Net.WebSockets.WebSocketFrame.WebSocketState : System.Int32 (values from WebSocketFrame/WebSocketState.cs)
    public enum WebSocketState
    {
        Open = 2,
        Closed = 5,
        Aborted = 6,
    }

    // T enum System.Net.WebSockets.WebSocketFrame.WebSocketCloseStatus : System.Int32 (values from WebSocketFrame/WebSocketCloseStatus.cs)
    public enum WebSocketCloseStatus
    {
        NormalClosure = 1000,
        Empty = 1005,
    }

    // T enum System.Net.WebSockets.WebSocketFrame.WebSocketMessageType : System.Int32 (values from WebSocketFrame/WebSocketMessageType.cs)
    public enum WebSocketMessageType
    {
        Text = 0,
    }
}
