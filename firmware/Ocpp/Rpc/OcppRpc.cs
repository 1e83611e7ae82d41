using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// The OCPP-J RPC endpoint (OCPP-J 1.6 §4): sends queued CALLs one at a time and matches their answers, answers
    /// the central system's CALLs through registered handlers, and turns every malformed or unknown input into the
    /// right CALLERROR instead of an exception. Ticked by the main loop; it never blocks.
    /// </summary>
    /// <remarks>
    /// <para>At most one CALL is outstanding (§4.1.1: no new CALL before the previous one was answered or timed out).
    /// Calls wait in a queue of <see cref="QueueCapacity"/>, ordered by <see cref="OcppCallPriority"/> then age; when it
    /// is full a lower-priority call is evicted (state <see cref="OcppCallState.NotSent"/>), a Transaction call never
    /// is, and when nothing can give way <see cref="TryEnqueue"/> returns false and the owner keeps its call.</para>
    /// <para>Memory: one receive and one transmit buffer of the transport's MaxMessageBytes each, so a frame is at most
    /// that long both ways (8 KiB on the reference boards). A longer incoming CALL is answered with ProtocolError.
    /// The transmit buffer holds either the next CALL or an answer; an answer the transport cannot take yet is held
    /// there, and nothing else is received or sent until it is gone, so replies are never lost to back-pressure.</para>
    /// <para>Work per tick is bounded: at most <see cref="MaxFramesPerTick"/> received frames and one CALL.</para>
    /// </remarks>
    public sealed class OcppRpc : ITickable
    {
        /// <summary>Default time to wait for an answer, milliseconds. OCPP-J 1.6 leaves it open; our choice.</summary>
        public const int DefaultCallTimeoutMs = 30000;

        /// <summary>Received frames processed per tick at most.</summary>
        public const int MaxFramesPerTick = 4;

        /// <summary>Handlers that can be registered (one per action; 1.6 has 39 actions with the security extension).</summary>
        public const int MaxHandlers = 48;

        /// <summary>Minimum time between two log lines about dropped frames, milliseconds.</summary>
        public const int DroppedFrameLogIntervalMs = 10000;

        /// <summary>
        /// Returned by an <see cref="IOcppDeferredRequestHandler"/>'s Handle to answer in a later tick; never sent.
        /// </summary>
        public static readonly IOcppPayload AnswerLater = new DeferredAnswerMarker();

        private const string LogSource = "ocpp-rpc";

        private readonly IWebSocketClient _socket;
        private readonly Logger _log;
        private readonly byte[] _rx;
        private readonly byte[] _tx;
        private readonly JsonReader _reader = new JsonReader();
        private readonly OcppFrameParser _parser;
        private readonly OcppFrameWriter _frames = new OcppFrameWriter();
        private readonly OcppFrame _frame = new OcppFrame();
        private readonly OcppDecodeError _error = new OcppDecodeError();
        private readonly OcppCall[] _queue;
        private readonly IOcppRequestHandler[] _handlers = new IOcppRequestHandler[MaxHandlers];
        private readonly string _messageIdPrefix;
        private int _queueCount;
        private int _handlerCount;
        private OcppCall _outstanding;
        private int _heldReplyLength;
        private IOcppDeferredRequestHandler _deferred;
        private string _deferredMessageId;
        private long _nextMessageNumber = 1;
        private long _nextSequence;
        private long _lastDropLogMs = long.MinValue;
        private long _nowMs;

        /// <summary>
        /// Creates the endpoint on <paramref name="socket"/>. <paramref name="messageIdPrefix"/> makes messageIds unique
        /// across reboots (e.g. the boot count in hex and a dash); ids are the prefix and a counter, at most 36 characters.
        /// </summary>
        public OcppRpc(IWebSocketClient socket, Logger log, int queueCapacity, string messageIdPrefix)
        {
            _socket = socket;
            _log = log;
            _rx = new byte[socket.MaxMessageBytes];
            _tx = new byte[socket.MaxMessageBytes];
            _parser = new OcppFrameParser(_reader);
            _queue = new OcppCall[queueCapacity];
            _messageIdPrefix = messageIdPrefix == null ? string.Empty : messageIdPrefix;
            if (_messageIdPrefix.Length > 16)
            {
                throw new System.ArgumentException("prefix longer than 16 characters", "messageIdPrefix");
            }

            Statistics = new OcppRpcStatistics();
        }

        /// <summary>Counters since construction.</summary>
        public OcppRpcStatistics Statistics { get; private set; }

        /// <summary>Calls the queue holds at most.</summary>
        public int QueueCapacity
        {
            get { return _queue.Length; }
        }

        /// <summary>Calls waiting to be sent.</summary>
        public int QueuedCount
        {
            get { return _queueCount; }
        }

        /// <summary>The call whose answer is awaited, or null.</summary>
        public OcppCall Outstanding
        {
            get { return _outstanding; }
        }

        /// <summary>Largest frame sent or received whole, bytes.</summary>
        public int MaxFrameBytes
        {
            get { return _rx.Length; }
        }

        /// <summary>True when nothing is queued, outstanding or held.</summary>
        public bool IsIdle
        {
            get { return _queueCount == 0 && _outstanding == null && _heldReplyLength == 0; }
        }

        /// <summary>Registers the handler of one incoming action. False when the action already has one or the table is full.</summary>
        public bool RegisterHandler(IOcppRequestHandler handler)
        {
            if (_handlerCount == _handlers.Length || FindHandler(handler.Action) != null)
            {
                return false;
            }

            _handlers[_handlerCount++] = handler;
            return true;
        }

        /// <summary>
        /// Queues <paramref name="call"/>. False when it is already pending, or the queue is full and no call of lower
        /// priority can give way (the caller keeps it and tries again later).
        /// </summary>
        public bool TryEnqueue(OcppCall call)
        {
            if (call == null || call.IsPending)
            {
                return false;
            }

            if (_queueCount == _queue.Length && !EvictFor(call.Priority))
            {
                return false;
            }

            call.Finish(OcppCallState.Queued, OcppErrorCode.None, null);
            call.MessageId = null;
            call.Sequence = _nextSequence++;
            _queue[_queueCount++] = call;
            return true;
        }

        /// <summary>Takes back a queued call, or stops waiting for the answer of the outstanding one (a late answer is ignored).</summary>
        public void Cancel(OcppCall call)
        {
            if (call == _outstanding)
            {
                _outstanding = null;
                call.Finish(OcppCallState.Idle, OcppErrorCode.None, null);
                return;
            }

            int index = IndexInQueue(call);
            if (index >= 0)
            {
                RemoveAt(index);
                call.Finish(OcppCallState.Idle, OcppErrorCode.None, null);
            }
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_socket.State != WebSocketClientState.Open)
            {
                OnDisconnected();
                return;
            }

            if (_heldReplyLength > 0)
            {
                if (!_socket.TrySend(_tx, 0, _heldReplyLength))
                {
                    return;
                }

                _heldReplyLength = 0;
            }

            if (_deferred != null)
            {
                FinishDeferred(nowMs);
                if (_heldReplyLength > 0)
                {
                    return;
                }
            }

            if (_outstanding != null && nowMs - _outstanding.SentAtMs >= _outstanding.TimeoutMs)
            {
                Statistics.CallsTimedOut++;
                _log.Warning(LogSource, _outstanding.Request.Action + " " + _outstanding.MessageId + ": no answer within " + _outstanding.TimeoutMs.ToString() + " ms");
                FinishOutstanding(OcppCallState.TimedOut, OcppErrorCode.None, "no answer in time");
            }

            for (int i = 0; i < MaxFramesPerTick && _heldReplyLength == 0; i++)
            {
                int length;
                bool truncated;
                if (!_socket.TryReceive(_rx, 0, _rx.Length, out length, out truncated))
                {
                    break;
                }

                HandleFrame(length, truncated, nowMs);
            }

            if (_outstanding == null && _heldReplyLength == 0)
            {
                SendNextCall(nowMs);
            }
        }

        private void OnDisconnected()
        {
            if (_outstanding != null)
            {
                Statistics.CallsLostWithConnection++;
                FinishOutstanding(OcppCallState.ConnectionLost, OcppErrorCode.None, "connection lost before the answer");
            }

            // An answer not yet handed over is lost with the connection; the central system times its CALL out.
            _heldReplyLength = 0;
            _deferred = null;
            _deferredMessageId = null;
        }

        private void HandleFrame(int length, bool truncated, long nowMs)
        {
            _parser.Parse(_rx, 0, length, truncated, _rx.Length, _frame);
            if (!_frame.IsValid)
            {
                if (_frame.IsAnswerableCall)
                {
                    SendError(_frame.MessageId, _frame.ProblemCode, _frame.Problem);
                }
                else
                {
                    DropFrame(_frame.Problem);
                }

                return;
            }

            switch (_frame.MessageTypeId)
            {
                case OcppMessageTypeId.Call:
                    HandleCall(nowMs);
                    break;
                case OcppMessageTypeId.CallResult:
                    HandleCallResult();
                    break;
                default:
                    HandleCallError();
                    break;
            }
        }

        private void HandleCall(long nowMs)
        {
            string id = _frame.MessageId;
            string action = _frame.Action;
            if (!OcppMessageCatalog.IsKnownAction(action))
            {
                SendError(id, OcppErrorCode.NotImplemented, "unknown action " + action);
                return;
            }

            IOcppRequestHandler handler = FindHandler(action);
            if (handler == null)
            {
                SendError(id, OcppErrorCode.NotSupported, action + " is not supported by this charge point");
                return;
            }

            _error.Clear();
            _reader.SetState(_frame.PayloadStart);
            if (!handler.Request.Read(_reader, _error))
            {
                SendError(id, _error.IsSet ? _error.Code : OcppErrorCode.FormationViolation, _error.IsSet ? _error.Description : _reader.Error);
                return;
            }

            if (!_parser.FinishFrame(_frame))
            {
                SendError(id, _frame.ProblemCode, _frame.Problem);
                return;
            }

            if (handler == _deferred)
            {
                SendError(id, OcppErrorCode.GenericError, "the previous " + action + " is still being processed");
                return;
            }

            _error.Clear();
            IOcppPayload confirmation;
            try
            {
                confirmation = handler.Handle(nowMs, _error);
            }
            catch (System.Exception e)
            {
                // A handler bug must not take the connection down: the central system gets InternalError.
                _log.Error(LogSource, action + " handler failed: " + e.Message);
                SendError(id, OcppErrorCode.InternalError, "the charge point failed to process " + action);
                return;
            }

            if (confirmation == AnswerLater)
            {
                IOcppDeferredRequestHandler deferred = handler as IOcppDeferredRequestHandler;
                if (deferred == null || _deferred != null)
                {
                    _log.Error(LogSource, action + " handler asked to answer later but cannot");
                    SendError(id, OcppErrorCode.InternalError, "the charge point failed to process " + action);
                    return;
                }

                _deferred = deferred;
                _deferredMessageId = id;
                return;
            }

            Answer(id, action, confirmation);
        }

        private void FinishDeferred(long nowMs)
        {
            IOcppDeferredRequestHandler handler = _deferred;
            IOcppPayload confirmation;
            _error.Clear();
            bool finished;
            try
            {
                finished = handler.TryFinish(nowMs, _error, out confirmation);
            }
            catch (System.Exception e)
            {
                _log.Error(LogSource, handler.Action + " handler failed: " + e.Message);
                _error.Set(OcppErrorCode.InternalError, "the charge point failed to process " + handler.Action);
                confirmation = null;
                finished = true;
            }

            if (!finished)
            {
                return;
            }

            string id = _deferredMessageId;
            _deferred = null;
            _deferredMessageId = null;
            Answer(id, handler.Action, confirmation);
        }

        private void Answer(string id, string action, IOcppPayload confirmation)
        {
            if (confirmation == null)
            {
                SendError(id, _error.IsSet ? _error.Code : OcppErrorCode.GenericError, _error.IsSet ? _error.Description : action + " refused");
                return;
            }

            _error.Clear();
            int length = confirmation.Validate(_error) ? _frames.WriteCallResult(_tx, id, confirmation) : -1;
            if (length < 0)
            {
                _log.Error(LogSource, action + " confirmation not sendable: " + (_error.IsSet ? _error.Description : "longer than the frame limit"));
                SendError(id, OcppErrorCode.InternalError, "the confirmation of " + action + " could not be built");
                return;
            }

            Statistics.RequestsAnswered++;
            SendOrHold(length);
        }

        private void HandleCallResult()
        {
            OcppCall call = _outstanding;
            if (call == null || _frame.MessageId != call.MessageId)
            {
                Statistics.UnexpectedResponses++;
                _log.Warning(LogSource, "CALLRESULT " + _frame.MessageId + " matches no outstanding call; ignored");
                return;
            }

            _error.Clear();
            _reader.SetState(_frame.PayloadStart);
            if (!call.Confirmation.Read(_reader, _error) || !_parser.FinishFrame(_frame))
            {
                OcppErrorCode code = _error.IsSet ? _error.Code : _frame.ProblemCode;
                string description = _error.IsSet ? _error.Description : (_frame.Problem != null ? _frame.Problem : _reader.Error);
                Statistics.CallsRejected++;
                _log.Warning(LogSource, call.Request.Action + " " + call.MessageId + ": invalid confirmation from the central system: " + description);
                FinishOutstanding(OcppCallState.Rejected, code == OcppErrorCode.None ? OcppErrorCode.FormationViolation : code, description);
                return;
            }

            Statistics.CallsCompleted++;
            FinishOutstanding(OcppCallState.Completed, OcppErrorCode.None, null);
        }

        private void HandleCallError()
        {
            OcppCall call = _outstanding;
            if (call == null || _frame.MessageId != call.MessageId)
            {
                Statistics.UnexpectedResponses++;
                _log.Warning(LogSource, "CALLERROR " + _frame.MessageId + " matches no outstanding call; ignored");
                return;
            }

            Statistics.CallsRejected++;
            _log.Warning(LogSource, call.Request.Action + " " + call.MessageId + ": CALLERROR " + _frame.ErrorCode + " " + _frame.ErrorDescription);
            FinishOutstanding(OcppCallState.Rejected, OcppErrorCodes.Parse(_frame.ErrorCode), _frame.ErrorDescription);
        }

        private void SendNextCall(long nowMs)
        {
            while (_queueCount > 0)
            {
                int index = NextIndex();
                OcppCall call = _queue[index];
                _error.Clear();
                if (!call.Request.Validate(_error))
                {
                    // Our own bug: never put an invalid request on the wire.
                    RemoveAt(index);
                    Statistics.CallsNotSent++;
                    _log.Error(LogSource, call.Request.Action + " not sent, invalid: " + _error.Description);
                    call.Finish(OcppCallState.NotSent, _error.Code, _error.Description);
                    continue;
                }

                string id = _messageIdPrefix + _nextMessageNumber.ToString();
                int length = _frames.WriteCall(_tx, id, call.Request);
                if (length < 0)
                {
                    RemoveAt(index);
                    Statistics.CallsNotSent++;
                    _log.Error(LogSource, call.Request.Action + " not sent: longer than " + _tx.Length.ToString() + " bytes");
                    call.Finish(OcppCallState.NotSent, OcppErrorCode.None, "longer than the frame limit");
                    continue;
                }

                if (!_socket.TrySend(_tx, 0, length))
                {
                    return; // transport busy: the call stays queued and is encoded again next tick
                }

                _nextMessageNumber++;
                RemoveAt(index);
                call.MessageId = id;
                call.SentAtMs = nowMs;
                call.Finish(OcppCallState.AwaitingResponse, OcppErrorCode.None, null);
                _outstanding = call;
                Statistics.CallsSent++;
                return;
            }
        }

        private void SendError(string messageId, OcppErrorCode code, string description)
        {
            Statistics.CallErrorsSent++;
            _log.Warning(LogSource, "answering " + messageId + " with " + OcppErrorCodes.WireName(code) + ": " + description);
            int length = _frames.WriteCallError(_tx, messageId, code, description);
            if (length < 0)
            {
                // Only a messageId nearly as long as the frame limit gets here: answer without the description.
                length = _frames.WriteCallError(_tx, messageId, code, string.Empty);
            }

            if (length < 0)
            {
                DropFrame("the CALLERROR for an oversized messageId does not fit the frame limit");
                return;
            }

            SendOrHold(length);
        }

        private void SendOrHold(int length)
        {
            if (length > 0 && !_socket.TrySend(_tx, 0, length))
            {
                _heldReplyLength = length;
            }
        }

        private void DropFrame(string problem)
        {
            Statistics.FramesDropped++;
            if (_nowMs - _lastDropLogMs >= DroppedFrameLogIntervalMs || _lastDropLogMs == long.MinValue)
            {
                _lastDropLogMs = _nowMs;
                _log.Warning(LogSource, "frame dropped (" + Statistics.FramesDropped.ToString() + " so far): " + problem);
            }
        }

        private void FinishOutstanding(OcppCallState state, OcppErrorCode code, string description)
        {
            OcppCall call = _outstanding;
            _outstanding = null;
            call.Finish(state, code, description);
        }

        private bool EvictFor(OcppCallPriority priority)
        {
            int victim = -1;
            for (int i = 0; i < _queueCount; i++)
            {
                OcppCall c = _queue[i];
                if (c.Priority >= priority || c.Priority == OcppCallPriority.Transaction)
                {
                    continue;
                }

                // The least important, and among those the most recent: the older ones have waited longer.
                if (victim < 0 || c.Priority < _queue[victim].Priority || (c.Priority == _queue[victim].Priority && c.Sequence > _queue[victim].Sequence))
                {
                    victim = i;
                }
            }

            if (victim < 0)
            {
                return false;
            }

            OcppCall evicted = _queue[victim];
            RemoveAt(victim);
            Statistics.CallsNotSent++;
            _log.Warning(LogSource, evicted.Request.Action + " evicted from the full queue");
            evicted.Finish(OcppCallState.NotSent, OcppErrorCode.None, "evicted from the full queue");
            return true;
        }

        private int NextIndex()
        {
            int best = 0;
            for (int i = 1; i < _queueCount; i++)
            {
                OcppCall c = _queue[i];
                OcppCall b = _queue[best];
                if (c.Priority > b.Priority || (c.Priority == b.Priority && c.Sequence < b.Sequence))
                {
                    best = i;
                }
            }

            return best;
        }

        private int IndexInQueue(OcppCall call)
        {
            for (int i = 0; i < _queueCount; i++)
            {
                if (_queue[i] == call)
                {
                    return i;
                }
            }

            return -1;
        }

        private void RemoveAt(int index)
        {
            for (int i = index; i < _queueCount - 1; i++)
            {
                _queue[i] = _queue[i + 1];
            }

            _queueCount--;
            _queue[_queueCount] = null;
        }

        private IOcppRequestHandler FindHandler(string action)
        {
            for (int i = 0; i < _handlerCount; i++)
            {
                if (_handlers[i].Action == action)
                {
                    return _handlers[i];
                }
            }

            return null;
        }
    }

    /// <summary>The marker behind <see cref="OcppRpc.AnswerLater"/>.</summary>
    internal sealed class DeferredAnswerMarker : IOcppPayload
    {
        public string Action
        {
            get { return string.Empty; }
        }

        public bool IsRequest
        {
            get { return false; }
        }

        public bool Read(JsonReader r, OcppDecodeError error)
        {
            return false;
        }

        public bool Validate(OcppDecodeError error)
        {
            return false;
        }

        public void Write(JsonWriter w)
        {
        }
    }
}
