using System;
using System.IO.Ports;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// An ESP32 UART in RS-485 half-duplex mode (System.IO.Ports.SerialPort, <c>Mode = SerialMode.RS485</c>) with
    /// HAL-owned receive and transmit buffers, so nothing the loop calls waits for the line.
    /// </summary>
    /// <remarks>
    /// <para>Pins: the board assigns TX, RX and the driver-enable line with
    /// <c>Configuration.SetPinFunction(pin, DeviceFunction.COMx_TX / COMx_RX / COMx_RTS)</c> before constructing this
    /// class. In RS-485 mode the UART hardware asserts RTS while it shifts bytes out and releases it after the last
    /// stop bit (ESP32 TRM §13 "UART", RS-485 half-duplex), so protocol code never touches direction control.</para>
    /// <para>Receive: the <c>DataReceived</c> event (nanoFramework event thread) and every loop-facing read drain the
    /// driver's buffer with <c>BytesToRead</c> then <c>Read</c> (never more than is available, so the native read
    /// does not wait) into a ring of <see cref="ReceiveBufferCapacity"/> bytes. When the ring is full further bytes
    /// are dropped and counted in <see cref="ReceiveOverflowCount"/>. <see cref="LastReceiveUs"/> is the esp_timer
    /// time at which a drain found new bytes, an upper bound of their arrival: the managed event is dispatched with a
    /// latency of the order of a millisecond, so it is too coarse to measure a Modbus RTU 3.5-character gap at high
    /// baud rates; frame completion should also use length and CRC.</para>
    /// <para>Transmit: nanoFramework's <c>SerialPort.Write</c> returns only when the bytes are sent or
    /// <c>WriteTimeout</c> expires (System.IO.Ports SerialStream.Flush remark). <see cref="Write"/> therefore copies
    /// the frame into a transmit ring of <c>transmitBufferCapacity</c> bytes and returns; a HAL thread hands
    /// everything queued to the driver in one native write, so a frame is never split. A frame that does not fit is
    /// refused (false). <see cref="IsTransmitting"/> is true while bytes are queued or being written, and until the
    /// estimated end of the line time (bytes × character time from the later of queueing and hand-over).</para>
    /// <para>Open/close: every <see cref="Open"/> creates a new SerialPort with all line settings, so nothing is
    /// inherited; <see cref="Close"/> disposes it (releasing the native UART driver). If Close happens while the
    /// transmit thread is inside a native write, disposal is left to that thread and an immediate re-open returns
    /// false until it is done.</para>
    /// <para>Threads: one transmit thread per instance (lives as long as the board). Shared state is guarded by one
    /// lock that is never held across a native write.</para>
    /// </remarks>
    public sealed class Esp32SerialPort : ISerialPort
    {
        /// <summary>Extra time allowed for a native write beyond the frame's line time, milliseconds.</summary>
        public const int WriteTimeoutMarginMs = 100;

        private const int DrainChunkBytes = 64;

        private readonly string _portName;
        private readonly object _gate = new object();
        private readonly byte[] _rx;
        private readonly byte[] _tx;
        private readonly byte[] _drainChunk = new byte[DrainChunkBytes];
        private readonly byte[] _txChunk;
        private readonly AutoResetEvent _txSignal = new AutoResetEvent(false);

        // Guarded by _gate.
        private SerialPort _port;
        private SerialPort _portToDispose;
        private bool _txInFlight;
        private int _rxHead;
        private int _rxCount;
        private int _txHead;
        private int _txCount;
        private int _overflowCount;
        private int _transmitFailureCount;
        private long _lastReceiveUs;
        private long _txLineFreeUs;
        private int _characterTimeUs;
        private bool _isOpen;

        // Loop thread only.
        private SerialSettings _settings;

        /// <summary>Creates a closed port.</summary>
        /// <param name="portName">nanoFramework port name, e.g. "COM2" (the UART whose pins the board assigned).</param>
        /// <param name="receiveBufferCapacity">HAL receive ring, bytes (also the native driver's read buffer size).</param>
        /// <param name="transmitBufferCapacity">HAL transmit ring, bytes: the largest frame (plus anything still queued).</param>
        public Esp32SerialPort(string portName, int receiveBufferCapacity, int transmitBufferCapacity)
        {
            if (portName == null)
            {
                throw new ArgumentNullException("portName");
            }

            if (receiveBufferCapacity <= 0 || transmitBufferCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException("receiveBufferCapacity", "buffer capacities must be positive");
            }

            _portName = portName;
            _rx = new byte[receiveBufferCapacity];
            _tx = new byte[transmitBufferCapacity];
            _txChunk = new byte[transmitBufferCapacity];
            Thread transmitThread = new Thread(TransmitLoop);
            transmitThread.Start();
        }

        /// <inheritdoc />
        public bool IsOpen
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _isOpen;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public SerialSettings Settings
        {
            get { return _settings; }
        }

        /// <inheritdoc />
        public int ReceiveBufferCapacity
        {
            get { return _rx.Length; }
        }

        /// <summary>Native writes that failed or timed out since construction (the frame is lost; the protocol retries).</summary>
        public int TransmitFailureCount
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _transmitFailureCount;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public int BytesToRead
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    DrainLocked();
                    return _rxCount;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public int ReceiveOverflowCount
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _overflowCount;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public long LastReceiveUs
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _lastReceiveUs;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public bool IsTransmitting
        {
            get
            {
                long nowUs = Esp32MonotonicClock.ReadMicroseconds();
                Monitor.Enter(_gate);
                try
                {
                    return _txCount > 0 || _txInFlight || nowUs < _txLineFreeUs;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public bool Open(SerialSettings settings)
        {
            Parity parity;
            StopBits stopBits;
            if (settings.BaudRate <= 0 || settings.DataBits < 5 || settings.DataBits > 8 || !TryMapParity(settings.Parity, out parity) || !TryMapStopBits(settings.StopBits, out stopBits))
            {
                return false;
            }

            Close();
            Monitor.Enter(_gate);
            try
            {
                if (_portToDispose != null)
                {
                    // The previous port is still inside a native write on the transmit thread.
                    return false;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            SerialPort port = null;
            try
            {
                port = new SerialPort(_portName, settings.BaudRate, parity, settings.DataBits, stopBits);
                port.Handshake = Handshake.None;
                port.Mode = SerialMode.RS485;
                port.ReadBufferSize = _rx.Length;
                port.WriteTimeout = (int)((_tx.Length * (long)settings.CharacterTimeUs) / 1000) + WriteTimeoutMarginMs;
                port.DataReceived += OnDataReceived;
                port.Open();

                // The property setters only reach the driver (NativeConfig) once the port is open; setting the mode
                // again guarantees RS-485 half-duplex whatever the native open does with the stored fields.
                port.Mode = SerialMode.RS485;
            }
            catch (Exception)
            {
                DisposeQuietly(port);
                return false;
            }

            Monitor.Enter(_gate);
            try
            {
                _port = port;
                _rxHead = 0;
                _rxCount = 0;
                _txHead = 0;
                _txCount = 0;
                _overflowCount = 0;
                _txLineFreeUs = 0;
                _characterTimeUs = settings.CharacterTimeUs;
                _isOpen = true;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _settings = settings;
            return true;
        }

        /// <inheritdoc />
        public void Close()
        {
            SerialPort toDispose = null;
            Monitor.Enter(_gate);
            try
            {
                _isOpen = false;
                if (_port == null)
                {
                    return;
                }

                if (_txInFlight)
                {
                    _portToDispose = _port;
                }
                else
                {
                    toDispose = _port;
                }

                _port = null;
                _rxCount = 0;
                _txCount = 0;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            DisposeQuietly(toDispose);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            Monitor.Enter(_gate);
            try
            {
                DrainLocked();
                int n = count < _rxCount ? count : _rxCount;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _rx[_rxHead];
                    _rxHead = (_rxHead + 1) % _rx.Length;
                }

                _rxCount -= n;
                return n;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <inheritdoc />
        public void DiscardReceiveBuffer()
        {
            Monitor.Enter(_gate);
            try
            {
                // Drain first so the driver's backlog is dropped too (a Modbus master discards before a request).
                DrainLocked();
                _rxCount = 0;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (count < 0)
            {
                return false;
            }

            long nowUs = Esp32MonotonicClock.ReadMicroseconds();
            Monitor.Enter(_gate);
            try
            {
                if (_port == null || _txCount + count > _tx.Length)
                {
                    return false;
                }

                for (int i = 0; i < count; i++)
                {
                    _tx[(_txHead + _txCount + i) % _tx.Length] = buffer[offset + i];
                }

                _txCount += count;
                ExtendLineTimeLocked(nowUs, count);
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _txSignal.Set();
            return true;
        }

        private static bool TryMapParity(SerialParity parity, out Parity mapped)
        {
            switch (parity)
            {
                case SerialParity.None:
                    mapped = Parity.None;
                    return true;
                case SerialParity.Even:
                    mapped = Parity.Even;
                    return true;
                case SerialParity.Odd:
                    mapped = Parity.Odd;
                    return true;
                default:
                    mapped = Parity.None;
                    return false;
            }
        }

        private static bool TryMapStopBits(SerialStopBits stopBits, out StopBits mapped)
        {
            switch (stopBits)
            {
                case SerialStopBits.One:
                    mapped = StopBits.One;
                    return true;
                case SerialStopBits.Two:
                    mapped = StopBits.Two;
                    return true;
                default:
                    mapped = StopBits.One;
                    return false;
            }
        }

        private static void DisposeQuietly(SerialPort port)
        {
            if (port == null)
            {
                return;
            }

            try
            {
                port.Dispose();
            }
            catch (Exception)
            {
                // The port is abandoned either way; a failing native release must not reach the loop.
            }
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            Monitor.Enter(_gate);
            try
            {
                if (sender == _port)
                {
                    DrainLocked();
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        // Moves what the driver holds into the ring. Caller holds _gate. Never asks for more than BytesToRead,
        // so the native Read returns at once.
        private void DrainLocked()
        {
            if (_port == null)
            {
                return;
            }

            try
            {
                int available = _port.BytesToRead;
                if (available <= 0)
                {
                    return;
                }

                _lastReceiveUs = Esp32MonotonicClock.ReadMicroseconds();
                while (available > 0)
                {
                    int n = _port.Read(_drainChunk, 0, available < _drainChunk.Length ? available : _drainChunk.Length);
                    if (n <= 0)
                    {
                        return;
                    }

                    for (int i = 0; i < n; i++)
                    {
                        if (_rxCount == _rx.Length)
                        {
                            _overflowCount++;
                        }
                        else
                        {
                            _rx[(_rxHead + _rxCount) % _rx.Length] = _drainChunk[i];
                            _rxCount++;
                        }
                    }

                    available -= n;
                }
            }
            catch (Exception)
            {
                // A driver error loses the pending bytes; the protocol layer times out and retries.
            }
        }

        // Caller holds _gate.
        private void ExtendLineTimeLocked(long nowUs, int byteCount)
        {
            long startUs = nowUs > _txLineFreeUs ? nowUs : _txLineFreeUs;
            _txLineFreeUs = startUs + (byteCount * (long)_characterTimeUs);
        }

        private void TransmitLoop()
        {
            while (true)
            {
                _txSignal.WaitOne();
                SendQueued();
            }
        }

        private void SendQueued()
        {
            while (true)
            {
                SerialPort port;
                int n;
                Monitor.Enter(_gate);
                try
                {
                    port = _port;
                    if (port == null || _txCount == 0)
                    {
                        return;
                    }

                    n = _txCount;
                    for (int i = 0; i < n; i++)
                    {
                        _txChunk[i] = _tx[(_txHead + i) % _tx.Length];
                    }

                    _txHead = (_txHead + n) % _tx.Length;
                    _txCount = 0;
                    _txInFlight = true;

                    // The line time starts no earlier than the hand-over to the driver.
                    long nowUs = Esp32MonotonicClock.ReadMicroseconds();
                    if (_txLineFreeUs < nowUs + (n * (long)_characterTimeUs))
                    {
                        _txLineFreeUs = nowUs + (n * (long)_characterTimeUs);
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                bool written = true;
                try
                {
                    port.Write(_txChunk, 0, n);
                }
                catch (Exception)
                {
                    written = false;
                }

                SerialPort toDispose;
                Monitor.Enter(_gate);
                try
                {
                    _txInFlight = false;
                    if (!written)
                    {
                        _transmitFailureCount++;
                    }

                    toDispose = _portToDispose;
                    _portToDispose = null;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                DisposeQuietly(toDispose);
            }
        }
    }
}
